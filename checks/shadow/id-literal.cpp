// SPDX-License-Identifier: GPL-2.0-only
//===- id-literal.cpp - shadow-id-literal -----------------------------------===//
//
// Shadow variable and state ids written as bare numbers instead of a named
// constant that the state and the shadow calls share.
//
// The core ties shadow variables to a state by the id alone, and the table
// is shared by every livepatch ever loaded (docs/semantics.md#context-rules,
// "shadow key"): two features that pick the same number use each other's
// variables, and an is_shadow state frees both
// (docs/semantics.md#rule-shadow-id-literal). A number written in one place
// and repeated in another is how that happens; a macro or enumerator named
// after the feature makes the id one definition that the state and every
// call use. The shared facts say how each id is written (IdValue::Literal,
// computed where the id is folded: shadow calls, helper call sites, state
// initializers and assignments). The fix-it names the number: with the
// name another id of the same value already has in this TU, or with a new
// macro, defined before the first declaration that uses it; the check's own
// facts are where those declarations start.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/RawCommentList.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace klp::checks {

namespace {

/// Where a declaration at file scope starts: the first column of its line,
/// or of its documentation comment's.
using Facts = std::vector<Loc>;

class Extractor : public FactExtractor {
public:
  void onFunction(const clang::FunctionDecl *FD, ExtractContext &X) override {
    if (FD->getDeclContext()->isFileContext())
      start(FD, X);
  }
  void onVar(const clang::VarDecl *VD, ExtractContext &X) override {
    if (VD->isFileVarDecl())
      start(VD, X);
  }
  llvm::json::Value finish(ExtractContext &) override { return Starts; }

private:
  void start(const clang::Decl *D, ExtractContext &X) {
    clang::SourceLocation L = D->getBeginLoc();
    if (!L.isFileID() || !X.isOwn(L))
      return;
    Loc At = X.loc(L);
    At.Offset -= At.Col - 1;
    At.Col = 1;
    At.Raw = 0; // no longer the declaration's own location
    // A comment right above the declaration stays with it.
    bool Invalid = false;
    llvm::StringRef Text =
        X.sm().getBufferData(X.sm().getFileID(L), &Invalid);
    if (!Invalid) {
      At.Offset = commentStart(Text, At.Offset);
      At.Line = X.sm().getLineNumber(X.sm().getFileID(L), At.Offset);
    }
    Starts.push_back(At);
  }

  /// The start of the comment right above the line at \p Offset (a
  /// "/* ... */" block or "//" lines), else \p Offset.
  static unsigned commentStart(llvm::StringRef Text, unsigned Offset) {
    constexpr size_t None = llvm::StringRef::npos;
    auto LineStart = [&](size_t At) -> size_t { // the line holding At
      size_t NL = Text.rfind('\n', At); // searches below At
      return NL == None ? 0 : NL + 1;
    };
    while (Offset > 0) {
      size_t End = Offset - 1; // the newline that ends the line above
      size_t Begin = LineStart(End);
      llvm::StringRef Line = Text.slice(Begin, End).trim();
      if (Line.starts_with("//")) {
        Offset = Begin;
      } else if (Line.ends_with("*/")) {
        size_t Open = Text.substr(0, End).rfind("/*");
        if (Open == None)
          break;
        Offset = LineStart(Open);
      } else {
        break;
      }
    }
    return Offset;
  }
  Facts Starts;
};

/// A bare number as the message names it: its value (the spelling of a
/// number in a macro's body would be the macro's invocation).
std::string literalText(const IdValue &Id) {
  return Id.known() ? fmt::format("{}", *Id.Value) : Id.describe();
}

/// One bare number, where it is written.
struct Literal {
  const IdValue *Id;
  Loc Where;
  std::string What; ///< "shadow variable id 5 of klp_shadow_alloc()"
};

class ShadowIdLiteralCheck : public Check {
public:
  using Check::Check;
  std::unique_ptr<FactExtractor> extractor() const override {
    return std::make_unique<Extractor>();
  }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    for (unsigned T = 0; T < M.TUs.size(); ++T)
      checkTU(M, T, Out);
  }

private:
  void checkTU(const ModuleModel &M, unsigned T,
               std::vector<Finding> &Out) const {
    const TUFacts &TU = M.TUs[T];
    std::vector<Literal> Found;
    // The names ids of each value already have here.
    std::map<uint64_t, std::string> Names;
    auto See = [&](const IdValue &Id, const Loc &At, std::string What) {
      if (!Id.known())
        return;
      if (!Id.Literal) {
        if (!Id.DefName.empty())
          Names.insert({*Id.Value, Id.DefName});
        return;
      }
      Found.push_back({&Id, Id.Written.valid() ? Id.Written : At,
                       std::move(What)});
    };
    for (const ShadowCall &C : TU.ShadowCalls)
      See(C.Id, C.Where,
          fmt::format("shadow variable id {} of {}(){}", literalText(C.Id),
                      shadowApiName(C.Api),
                      C.Helper.empty() ? ""
                                       : fmt::format(" (through '{}')",
                                                     C.Helper)));
    // A state's id is the shadow linkage's when the state frees variables
    // (is_shadow) or a shadow call of the TU uses its number; other state
    // ids are no shadow ids (state-id-mismatch judges those across
    // patches).
    std::set<uint64_t> ShadowIds;
    for (const ShadowCall &C : TU.ShadowCalls)
      if (C.Id.known())
        ShadowIds.insert(*C.Id.Value);
    for (const State *S : M.states())
      if (M.tuOf(S) == T && S->Id.known() &&
          (S->IsShadow == Flag::True || ShadowIds.count(*S->Id.Value)))
        See(S->Id, S->Where, fmt::format("state id {}", literalText(S->Id)));

    std::sort(Found.begin(), Found.end(), [](const Literal &A, const Literal &B) {
      return std::tie(A.Where.File, A.Where.Offset) <
             std::tie(B.Where.File, B.Where.Offset);
    });
    Facts Starts = own<Facts>(TU);
    std::set<std::pair<std::string, unsigned>> Seen; // file, offset
    std::vector<Finding> Mine;
    std::vector<const Literal *> Fixable;
    for (const Literal &L : Found) {
      if (!Seen.insert({L.Where.File, L.Where.Offset}).second)
        continue; // one number in a macro's body, used many times
      uint64_t V = *L.Id->Value;
      Finding F = finding(
          L.Where,
          fmt::format("{} is a bare number: name it with a macro or an "
                      "enumerator that the state and every shadow call of "
                      "this id use; two features that pick the same number "
                      "share each other's shadow variables, and an "
                      "is_shadow state with that id frees them all{}",
                      L.What,
                      V == 0 ? "; id 0 can never be a state's id (0 ends "
                               "states[])"
                             : ""));
      Mine.push_back(std::move(F));
      Fixable.push_back(L.Id->Written.valid() ? &L : nullptr);
    }
    std::vector<std::pair<Finding *, const Literal *>> Fs;
    for (size_t I = 0; I < Mine.size(); ++I)
      if (Fixable[I])
        Fs.push_back({&Mine[I], Fixable[I]});
    fixAll(Fs, Names, Starts);
    for (Finding &F : Mine)
      Out.push_back(std::move(F));
  }

  /// Replace the number by a name: the one this value has already, or a new
  /// macro defined before the declaration that holds the first use.
  /// The name of \p V here: the one another id of this value has already,
  /// or SHADOW_ID_<v>.
  static std::string nameOf(uint64_t V,
                            const std::map<uint64_t, std::string> &Names) {
    auto It = Names.find(V);
    return It != Names.end() ? It->second : fmt::format("SHADOW_ID_{}", V);
  }

  /// Where a new macro for the number at \p W goes: the start of the
  /// declaration that holds it, or of the line above it (a number in a
  /// macro's body).
  static Loc anchorOf(const Loc &W, const Facts &Starts) {
    Loc At = W;
    At.Offset -= W.Col - 1;
    At.Col = 1;
    At.Raw = 0;
    bool InDecl = false;
    for (const Loc &S : Starts)
      if (S.File == W.File && S.Offset <= W.Offset &&
          (!InDecl || S.Offset > At.Offset)) {
        At = S;
        InDecl = true;
      }
    return At;
  }

  /// The fix-its of one TU: each number is replaced by its name; the new
  /// macros are defined before the first declaration that uses each, all
  /// those of one place in one insertion (two insertions at one offset do
  /// not apply), carried by the first finding that needs it there.
  void fixAll(std::vector<std::pair<Finding *, const Literal *>> &Fs,
              const std::map<uint64_t, std::string> &Names,
              const Facts &Starts) const {
    std::map<std::pair<std::string, unsigned>, std::pair<Finding *, std::string>>
        Inserts; // (file, offset) -> carrier, text
    std::map<std::pair<std::string, unsigned>, Loc> InsertAt;
    std::set<std::pair<std::string, uint64_t>> Defined; // file, value
    for (auto &[F, L] : Fs) {
      const Loc &W = L->Id->Written;
      uint64_t V = *L->Id->Value;
      std::string Name = nameOf(V, Names);
      if (!Names.count(V) && Defined.insert({W.File, V}).second) {
        Loc At = anchorOf(W, Starts);
        auto Key = std::make_pair(At.File, At.Offset);
        auto [It, New] = Inserts.insert({Key, {F, ""}});
        It->second.second += fmt::format("#define {} {}\n", Name, V);
        if (New)
          InsertAt.insert({Key, At});
      }
      F->Fixes.push_back({W, L->Id->WrittenLength, Name});
    }
    for (auto &[Key, Carrier] : Inserts)
      Carrier.first->Fixes.insert(Carrier.first->Fixes.begin(),
                                  {InsertAt[Key], 0, Carrier.second});
  }
};

} // namespace

KLP_REGISTER_CHECK(ShadowIdLiteralCheck)

} // namespace klp::checks
