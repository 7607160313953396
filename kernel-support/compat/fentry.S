/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fentry.S - the __fentry__ hook of code built with -pg -mfentry.
 *
 * Such code calls __fentry__ as the very first instruction of every
 * function (after an endbr64, if any).  This hook asks
 * klp_sim_ftrace_entry() where the call should go; if the answer is
 * another address, it drops its own return address and jumps there, so
 * that the new function runs with the original caller's return address
 * and arguments, as the kernel's ftrace trampoline does when a handler
 * changes the instruction pointer.  x86-64 only.
 *
 * Argument registers are preserved (rdi, rsi, rdx, rcx, r8, r9, and rax for
 * variadic calls, r10 for nested functions); floating-point arguments are
 * not, as the kernel does not use them.
 */
#if defined(__x86_64__)
	.text
	.globl	__fentry__
	.type	__fentry__, @function
__fentry__:
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%r8
	pushq	%r9
	pushq	%rax
	pushq	%r10
	subq	$8, %rsp		/* 16-byte alignment for the call */
	movq	8(%rbp), %rdi		/* return address into the function */
	movq	16(%rbp), %rsi		/* the function's own return address */
	call	klp_sim_ftrace_entry
	movq	%rax, %r11
	addq	$8, %rsp
	popq	%r10
	popq	%rax
	popq	%r9
	popq	%r8
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	popq	%rbp
	testq	%r11, %r11
	jz	1f
	addq	$8, %rsp		/* forget the traced function */
	jmp	*%r11
1:
	ret
	.size	__fentry__, .-__fentry__
	.section .note.GNU-stack,"",@progbits
#endif
