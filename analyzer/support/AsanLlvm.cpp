// SPDX-License-Identifier: GPL-2.0-only
//===- AsanLlvm.cpp - ASan builds against an uninstrumented LLVM ----------===//
//
// Built into the sanitizer build (KLP_SANITIZE) only. LLVM's headers poison
// the unused part of a BumpPtrAllocator slab when the including code is
// built with AddressSanitizer (llvm/Support/Allocator.h), and unpoison what
// they hand out. Our instrumented code inlines that allocator (e.g.
// IdentifierTable::get), while Debian's libclang-cpp, built without ASan,
// allocates from the same slabs without unpoisoning: its own valid writes
// then look like use-after-poison. Manual poisoning is a debugging aid of
// LLVM's allocators only, so turning it off for the whole process costs no
// real check: heap, stack and global bounds stay instrumented.
//
//===----------------------------------------------------------------------===//

#include <cstddef>

extern "C" {
void __asan_poison_memory_region(void const volatile *, size_t) {}
void __asan_unpoison_memory_region(void const volatile *, size_t) {}
}
