#pragma once
// A small YAML writer for files people review: revision files (and anything else
// migrate writes). Values are built as a tree, then rendered deterministically:
// block style by default, flow style ({a: 1, b: [x, y]}) where asked, scalars plain
// when that is unambiguous for every YAML reader and double-quoted otherwise, and
// multi-line strings as literal blocks.

#include <string>
#include <utility>
#include <vector>

namespace migrate {

class YamlValue {
  public:
    enum class Kind { Scalar, Sequence, Mapping };

    static YamlValue str(std::string text);     // quoted only when needed
    static YamlValue quoted(std::string text);  // always double-quoted (ids)
    static YamlValue raw(std::string text);     // written as is: true, null, 12
    static YamlValue null() { return raw("null"); }
    static YamlValue boolean(bool b) { return raw(b ? "true" : "false"); }
    static YamlValue seq(bool flow = false);
    static YamlValue map(bool flow = false);
    static YamlValue str_list(const std::vector<std::string>& items, bool flow = true);

    // Appends to a mapping / sequence; returns *this for chaining.
    YamlValue& add(std::string key, YamlValue value);
    YamlValue& push(YamlValue value);

    Kind kind() const { return kind_; }
    bool empty() const { return items_.empty(); }
    bool flow() const { return flow_; }
    void set_flow(bool flow) { flow_ = flow; }
    // True when every child is a one-line scalar or a flow collection.
    bool all_inline() const;

    // Renders a block mapping or sequence as a document body at `indent` spaces.
    std::string render(int indent = 0) const;

  private:
    friend struct YamlRenderer;
    Kind kind_ = Kind::Scalar;
    bool flow_ = false;
    bool force_quote_ = false;
    bool raw_ = false;
    std::string text_;
    std::vector<std::pair<std::string, YamlValue>> items_;  // key "" for sequence items
};

// The scalar as it would be written: plain when safe (in flow context when
// `in_flow`), else double-quoted with escapes.
std::string yaml_scalar(const std::string& text, bool in_flow);
std::string yaml_double_quoted(const std::string& text);

}  // namespace migrate
