#pragma once
// The usual lambda-overload helper for std::visit over operation variants.

namespace migrate {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace migrate
