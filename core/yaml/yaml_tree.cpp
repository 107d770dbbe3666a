// YAML text to a tree of positioned nodes (core/yaml/yaml_tree.h): libyaml's events built
// into arenas of nodes, one arena per streamed top-level item.

#include "core/yaml/yaml_tree.h"

#include <yaml.h>

#include <deque>
#include <unordered_map>

namespace migrate::yaml {

using detail::Kind;
using detail::NodeData;

const std::string& Node::Scalar() const {
    static const std::string empty;
    return IsScalar() ? data_->scalar : empty;
}

size_t Node::size() const {
    if (IsSequence()) return data_->children.size();
    if (IsMap()) return data_->children.size() / 2;
    return 0;
}

Node Node::operator[](std::string_view key) const {
    if (!IsMap()) return {};
    const auto& c = data_->children;
    for (size_t i = 0; i + 1 < c.size(); i += 2)
        if (c[i]->kind == Kind::Scalar && c[i]->scalar == key) return {c[i + 1], owner_};
    return {};
}

Node Node::operator[](size_t index) const {
    if (!IsSequence() || index >= data_->children.size()) return {};
    return {data_->children[index], owner_};
}

Node::iterator Node::begin() const { return iterator(this, 0); }
Node::iterator Node::end() const { return iterator(this, size()); }

void Node::iterator::load() {
    if (position_ >= parent_->size()) return;
    const auto& c = parent_->data_->children;
    if (parent_->IsMap()) {
        entry_.first = Node(c[2 * position_], parent_->owner_);
        entry_.second = Node(c[2 * position_ + 1], parent_->owner_);
    } else {
        static_cast<Node&>(entry_) = Node(c[position_], parent_->owner_);
    }
}

namespace {

// Nodes live here; aliases into other arenas keep those alive.
struct Arena {
    std::deque<NodeData> nodes;
    std::vector<std::shared_ptr<const void>> kept;

    NodeData* make(Kind kind, const yaml_mark_t& at) {
        NodeData& n = nodes.emplace_back();
        n.kind = kind;
        n.mark = {static_cast<int>(at.line), static_cast<int>(at.column)};
        return &n;
    }
};

bool is_null_scalar(const yaml_event_t& e) {
    const char* tag = reinterpret_cast<const char*>(e.data.scalar.tag);
    if (tag) return std::string_view(tag) == "tag:yaml.org,2002:null";
    if (e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
    std::string_view v(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

std::string anchor_of(const yaml_char_t* anchor) {
    return anchor ? reinterpret_cast<const char*>(anchor) : "";
}

class Builder {
  public:
    Builder(std::string_view text, const std::vector<std::string>& streamed_keys,
            const ItemHandler& on_item)
        : text_(text), streamed_keys_(streamed_keys), on_item_(on_item) {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size());
    }
    ~Builder() { yaml_parser_delete(&parser_); }
    Builder(const Builder&) = delete;
    Builder& operator=(const Builder&) = delete;

    Node run() {
        for (bool done = false; !done;) {
            yaml_event_t event;
            if (!yaml_parser_parse(&parser_, &event)) fail();
            try {
                done = handle(event);
            } catch (...) {
                yaml_event_delete(&event);
                throw;
            }
            yaml_event_delete(&event);
        }
        if (!root_) return {root_arena_->make(Kind::Null, yaml_mark_t{0, 0, 0}), root_arena_};
        return {root_, root_arena_};
    }

  private:
    struct Open {
        NodeData* node;
        std::string anchor;
        bool item;  // a streamed top-level item
    };

    // Returns true at the end of the stream.
    bool handle(const yaml_event_t& e) {
        switch (e.type) {
            case YAML_DOCUMENT_START_EVENT:
                if (++documents_ > 1)
                    throw ParseError(mark_of(e.start_mark),
                                     "a second YAML document (after '---' or '...') is not "
                                     "supported; keep one document per file");
                return false;
            case YAML_STREAM_END_EVENT:
                return true;
            case YAML_SCALAR_EVENT: {
                bool item = starts_item();
                NodeData* n =
                    arena().make(is_null_scalar(e) ? Kind::Null : Kind::Scalar, e.start_mark);
                if (n->kind == Kind::Scalar)
                    n->scalar.assign(reinterpret_cast<const char*>(e.data.scalar.value),
                                     e.data.scalar.length);
                finish({n, anchor_of(e.data.scalar.anchor), item});
                return false;
            }
            case YAML_SEQUENCE_START_EVENT:
            case YAML_MAPPING_START_EVENT: {
                bool item = starts_item();
                bool seq = e.type == YAML_SEQUENCE_START_EVENT;
                NodeData* n = arena().make(seq ? Kind::Sequence : Kind::Map, e.start_mark);
                stack_.push_back(
                    {n, anchor_of(seq ? e.data.sequence_start.anchor : e.data.mapping_start.anchor),
                     item});
                return false;
            }
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT: {
                Open open = std::move(stack_.back());
                stack_.pop_back();
                finish(std::move(open));
                return false;
            }
            case YAML_ALIAS_EVENT: {
                std::string name = anchor_of(e.data.alias.anchor);
                auto it = anchors_.find(name);
                if (it == anchors_.end())
                    throw ParseError(mark_of(e.start_mark),
                                     "alias '*" + name + "' names no anchor defined before it");
                if (starts_item()) {
                    deliver(it->second);
                    return false;
                }
                if (it->second.owner().get() != &arena())
                    arena().kept.push_back(it->second.owner());
                attach(it->second.data());
                return false;
            }
            default:
                return false;  // stream and document boundaries
        }
    }

    // Whether the node about to start is an item of a list that is a top-level value.
    bool starts_item() {
        bool item = on_item_ && stack_.size() == 2 && stack_[0].node->kind == Kind::Map &&
                    stack_[0].node->children.size() % 2 == 1 &&
                    stack_[1].node->kind == Kind::Sequence &&
                    is_streamed(stack_[0].node->children.back());
        if (item) item_arena_ = std::make_shared<Arena>();
        return item;
    }

    bool is_streamed(const NodeData* key) const {
        if (key->kind != Kind::Scalar) return false;
        for (const auto& k : streamed_keys_)
            if (k == key->scalar) return true;
        return false;
    }

    Arena& arena() { return item_arena_ ? *item_arena_ : *root_arena_; }

    std::shared_ptr<const void> owner() const {
        if (item_arena_) return item_arena_;
        return root_arena_;
    }

    void finish(Open open) {
        if (!open.anchor.empty()) anchors_[open.anchor] = Node(open.node, owner());
        if (open.item) {
            deliver(Node(open.node, owner()));
            return;
        }
        attach(open.node);
    }

    void deliver(const Node& item) {
        const NodeData* key = stack_[0].node->children.back();
        std::string name = key->kind == Kind::Scalar ? key->scalar : "";
        item_arena_.reset();
        on_item_(name, item);
    }

    void attach(const NodeData* n) {
        if (stack_.empty())
            root_ = n;
        else
            stack_.back().node->children.push_back(n);
    }

    Mark mark_of(const yaml_mark_t& m) const {
        return {static_cast<int>(m.line), static_cast<int>(m.column)};
    }

    // The line and column of a byte offset (reader errors carry only the offset).
    Mark mark_at_offset(size_t offset) const {
        Mark m{0, 0};
        for (size_t i = 0; i < offset && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++m.line;
                m.column = 0;
            } else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
                ++m.column;
            }
        }
        return m;
    }

    [[noreturn]] void fail() const {
        std::string problem = parser_.problem ? parser_.problem : "malformed YAML";
        if (parser_.error == YAML_READER_ERROR)
            throw ParseError(mark_at_offset(parser_.problem_offset), problem);
        if (parser_.context)
            problem += std::string(" (") + parser_.context + " at line " +
                       std::to_string(parser_.context_mark.line + 1) + ", column " +
                       std::to_string(parser_.context_mark.column + 1) + ")";
        throw ParseError(mark_of(parser_.problem_mark), problem);
    }

    std::string_view text_;
    const std::vector<std::string>& streamed_keys_;
    const ItemHandler& on_item_;
    yaml_parser_t parser_;
    std::shared_ptr<Arena> root_arena_ = std::make_shared<Arena>();
    std::shared_ptr<Arena> item_arena_;
    std::vector<Open> stack_;
    std::unordered_map<std::string, Node> anchors_;
    const NodeData* root_ = nullptr;
    int documents_ = 0;
};

}  // namespace

Node parse(std::string_view text, const std::vector<std::string>& streamed_keys,
           const ItemHandler& on_item) {
    return Builder(text, streamed_keys, on_item).run();
}

}  // namespace migrate::yaml
