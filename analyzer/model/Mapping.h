/* SPDX-License-Identifier: GPL-2.0-only */
//===- Mapping.h - One JSON mapping per model type -------------*- C++ -*-===//
//
// Every plain-data type of the model declares its fields once, as
//
//   template <class M> void mapFields(M &&Map, Loc &L) {
//     Map("file", L.File); Map("line", L.Line); ...
//   }
//   KLP_JSON_MAPPED(Loc)
//
// and gets both toJSON() and fromJSON() (llvm::json's ObjectMapper) from
// that one list. Facts are written by the kbuild modes and joined per module
// later, so reading is strict: a missing or mistyped field fails the read
// with the JSON path of the problem instead of yielding half a fact.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_MODEL_MAPPING_H
#define KLP_MODEL_MAPPING_H

#include <llvm/Support/JSON.h>

#include <array>
#include <climits>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace klp {

namespace mapping {

struct Writer {
  llvm::json::Object O;
  template <class T> void operator()(llvm::StringLiteral Key, const T &V) {
    O[Key] = llvm::json::Value(V);
  }
  void operator()(llvm::StringLiteral Key,
                  const std::map<std::string, llvm::json::Value> &V) {
    llvm::json::Object Sub;
    for (const auto &[K, Val] : V)
      Sub.try_emplace(K, Val);
    O[Key] = std::move(Sub);
  }
};

struct Reader {
  llvm::json::ObjectMapper &M;
  const llvm::json::Value &Whole;
  llvm::json::Path P;
  bool Ok = true;
  template <class T> void operator()(llvm::StringLiteral Key, T &V) {
    Ok = Ok && M.map(Key, V);
  }
  /// llvm::json maps no unsigned, and ADL cannot add it for a builtin.
  void operator()(llvm::StringLiteral Key, unsigned &V) {
    int64_t N = 0;
    Ok = Ok && M.map(Key, N);
    if (Ok && (N < 0 || N > UINT32_MAX)) {
      P.field(Key).report("expected an unsigned number");
      Ok = false;
    }
    V = static_cast<unsigned>(N);
  }
  void operator()(llvm::StringLiteral Key,
                  std::map<std::string, llvm::json::Value> &V) {
    if (!Ok)
      return;
    const llvm::json::Object *Obj = Whole.getAsObject()->getObject(Key);
    if (!Obj) {
      P.field(Key).report("expected object");
      Ok = false;
      return;
    }
    V.clear();
    for (const auto &KV : *Obj)
      V.insert_or_assign(std::string(llvm::StringRef(KV.first)), KV.second);
  }
};

template <class T> llvm::json::Value toJSONFields(const T &V) {
  Writer W;
  // The writer only reads; mapFields takes the object non-const so that one
  // list of fields serves both directions.
  mapFields(W, const_cast<T &>(V));
  return std::move(W.O);
}

template <class T>
bool fromJSONFields(const llvm::json::Value &E, T &V, llvm::json::Path P) {
  llvm::json::ObjectMapper M(E, P);
  if (!M)
    return false;
  Reader R{M, E, P};
  mapFields(R, V);
  return R.Ok;
}

} // namespace mapping

/// After "template <class M> void mapFields(M &&, T &)": the toJSON() and
/// fromJSON() that llvm::json finds (by ADL, so in T's own namespace).
#define KLP_JSON_MAPPED(T)                                                     \
  [[maybe_unused]] inline llvm::json::Value toJSON(const T &V) {               \
    return ::klp::mapping::toJSONFields(V);                                    \
  }                                                                            \
  [[maybe_unused]] inline bool fromJSON(const llvm::json::Value &E, T &V,      \
                                        llvm::json::Path P) {                  \
    return ::klp::mapping::fromJSONFields(E, V, P);                            \
  }

template <class T, size_t N>
llvm::json::Value toJSON(const std::array<T, N> &A) {
  llvm::json::Array Out;
  for (const T &V : A)
    Out.push_back(llvm::json::Value(V));
  return Out;
}

template <class T, size_t N>
bool fromJSON(const llvm::json::Value &E, std::array<T, N> &A,
              llvm::json::Path P) {
  const llvm::json::Array *Arr = E.getAsArray();
  if (!Arr || Arr->size() != N) {
    P.report("expected an array of fixed length");
    return false;
  }
  for (size_t I = 0; I < N; ++I)
    if (!fromJSON((*Arr)[I], A[I], P.index(I)))
      return false;
  return true;
}

/// Enums travel as their number; a number outside the enum is an error.
#define KLP_ENUM_JSON(Type, Last)                                              \
  [[maybe_unused]] inline llvm::json::Value toJSON(Type V) {                                    \
    return static_cast<int64_t>(V);                                            \
  }                                                                            \
  [[maybe_unused]] inline bool fromJSON(const llvm::json::Value &E, Type &V,   \
                                        llvm::json::Path P) {                  \
    std::optional<int64_t> N = E.getAsInteger();                               \
    if (!N || *N < 0 || *N > static_cast<int64_t>(Type::Last)) {               \
      P.report("expected a " #Type);                                           \
      return false;                                                            \
    }                                                                          \
    V = static_cast<Type>(*N);                                                 \
    return true;                                                               \
  }

/// Decode facts written by toJSON, or report where they are malformed.
template <class T>
llvm::Expected<T> decode(const llvm::json::Value &V, llvm::StringRef What) {
  T Out{};
  llvm::json::Path::Root Root(What);
  if (!fromJSON(V, Out, Root))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                   llvm::toString(Root.getError()).c_str());
  return Out;
}

} // namespace klp

#endif
