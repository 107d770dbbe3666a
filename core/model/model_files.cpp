// Laying a schema out as model files (core/model/model_files.h).

#include "core/model/model_files.h"

#include <cctype>
#include <set>

#include "core/model/model_emit.h"

namespace migrate {

namespace {

const char* kHeader =
    "# Written by `migrate reflect`. Review it, then keep it as your own model file.\n";

// `stem.yaml`, or `stem_2.yaml`, `stem_3.yaml`... when that name is taken.
std::string unique_name(const std::string& stem, std::set<std::string>& taken) {
    std::string name = stem + ".yaml";
    for (int n = 2; taken.count(name); ++n) name = stem + "_" + std::to_string(n) + ".yaml";
    taken.insert(name);
    return name;
}

}  // namespace

std::string file_stem(const std::string& name) {
    std::string stem;
    for (char c : name) {
        bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
        stem += keep ? c : '_';
    }
    if (stem.empty() || stem[0] == '.') stem.insert(0, "_");  // no hidden files
    return stem;
}

std::vector<ModelFile> split_model_files(const Schema& schema, const NamingConvention& naming) {
    std::vector<ModelFile> files;
    std::set<std::string> taken;
    if (!schema.enums.empty()) {
        Schema enums;
        enums.enums = schema.enums;
        files.push_back({unique_name("enums", taken), kHeader + emit_models(enums, naming)});
    }
    if (!schema.sequences.empty()) {
        Schema sequences;
        sequences.sequences = schema.sequences;
        files.push_back(
            {unique_name("sequences", taken), kHeader + emit_models(sequences, naming)});
    }
    for (const auto& t : schema.tables) {
        Schema one;
        one.tables.push_back(t);
        std::string stem = file_stem(t.schema.empty() ? t.name : t.schema + "." + t.name);
        files.push_back({unique_name(stem, taken), kHeader + emit_models(one, naming)});
    }
    return files;
}

ModelFile single_model_file(const Schema& schema, const std::string& name,
                            const NamingConvention& naming) {
    return {name, kHeader + emit_models(schema, naming)};
}

}  // namespace migrate
