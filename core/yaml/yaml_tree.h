#pragma once
// YAML text to a tree of nodes that remember where they were written: the one YAML
// reader of model files, revision files and the config (libyaml underneath). Nodes are
// read-only handles that keep their document alive; lookups never throw (a missing key,
// or a key of something that is not a mapping, is an undefined node).
//
// Large files stream: parse() hands each item of the top-level lists it is told about
// (the `tables:` of a model file, the `upgrade:` of a revision) to the caller as soon as
// it is read and then forgets it, so memory stays proportional to one item.

#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace migrate::yaml {

// 0-based, as libyaml counts (columns in characters).
struct Mark {
    int line = -1;
    int column = -1;
};

// Malformed YAML: libyaml's problem and where it was found.
class ParseError : public std::runtime_error {
  public:
    ParseError(Mark at, const std::string& message) : std::runtime_error(message), mark(at) {}
    Mark mark;
};

namespace detail {
enum class Kind : unsigned char { Null, Scalar, Sequence, Map };
struct NodeData {
    Kind kind = Kind::Null;
    Mark mark;
    std::string scalar;
    std::vector<const NodeData*> children;  // sequence items; map keys and values, alternating
};
}  // namespace detail

class Node {
  public:
    Node() = default;  // undefined: what a lookup of a missing key returns
    Node(const detail::NodeData* data, std::shared_ptr<const void> owner)
        : data_(data), owner_(std::move(owner)) {}

    bool IsDefined() const { return data_ != nullptr; }
    explicit operator bool() const { return IsDefined(); }
    bool IsNull() const { return data_ && data_->kind == detail::Kind::Null; }
    bool IsScalar() const { return data_ && data_->kind == detail::Kind::Scalar; }
    bool IsSequence() const { return data_ && data_->kind == detail::Kind::Sequence; }
    bool IsMap() const { return data_ && data_->kind == detail::Kind::Map; }
    // The text of a scalar; "" for anything else (null included).
    const std::string& Scalar() const;
    // Where the node starts; {-1, -1} for an undefined node.
    yaml::Mark Mark() const { return data_ ? data_->mark : yaml::Mark{}; }
    // Items of a list, pairs of a mapping, 0 otherwise.
    size_t size() const;
    // The value of the first `key` of a mapping; undefined when absent or not a mapping.
    Node operator[](std::string_view key) const;
    Node operator[](const char* key) const { return (*this)[std::string_view(key)]; }
    Node operator[](const std::string& key) const { return (*this)[std::string_view(key)]; }
    // The `index`th item of a list; undefined when out of range or not a list.
    Node operator[](size_t index) const;

    // What iteration yields: the item itself for a list; `first` (key) and `second`
    // (value) for a mapping.
    struct Entry;
    class iterator;
    iterator begin() const;
    iterator end() const;

    // For the builder: the node's data and the arena that owns it.
    const detail::NodeData* data() const { return data_; }
    const std::shared_ptr<const void>& owner() const { return owner_; }

  private:
    const detail::NodeData* data_ = nullptr;
    std::shared_ptr<const void> owner_;
};

struct Node::Entry : Node {
    Node first, second;
};

class Node::iterator {
  public:
    iterator(const Node* parent, size_t position) : parent_(parent), position_(position) { load(); }
    const Entry& operator*() const { return entry_; }
    const Entry* operator->() const { return &entry_; }
    iterator& operator++() {
        ++position_;
        load();
        return *this;
    }
    bool operator==(const iterator& other) const { return position_ == other.position_; }
    bool operator!=(const iterator& other) const { return position_ != other.position_; }

  private:
    void load();
    const Node* parent_;
    size_t position_;
    Entry entry_;
};

// Called with the key of the top-level list and one of its items.
using ItemHandler = std::function<void(const std::string& key, const Node& item)>;

// Parses the first and only document of `text` (none: a null node). Throws ParseError
// for malformed YAML, an alias to an unknown anchor, or a second document. The items of
// a list that is the value of one of `streamed_keys` in the top-level mapping go to
// `on_item`, in order, instead of into the tree (the list stays in the tree, empty);
// every other node is kept.
Node parse(std::string_view text, const std::vector<std::string>& streamed_keys = {},
           const ItemHandler& on_item = {});

}  // namespace migrate::yaml
