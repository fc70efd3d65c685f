// SPDX-License-Identifier: Apache-2.0
/**
 * The syscall layer: internal, not exported by module {@code dev.pysocket}. Read it after the
 * API package's socket object, call engine and descriptor handle (see the reading order in
 * package {@code dev.pysocket}), and before the generated bindings it calls.
 *
 * <ul>
 * <li>{@code Posix}: one static method per C call (socket(2), recv(2), poll(2), ...), named and
 *     typed as in C and returning what C returns. A failed call's errno is captured by the
 *     downcall itself into this thread's {@code Scratch} and read with {@code Posix.errno()},
 *     so nothing the JVM does in between can change it. No policy lives here: no retries, no
 *     timeouts, no exceptions; those are the API package's.</li>
 * <li>{@code Scratch}: the per-thread native memory every call reuses (errno capture area,
 *     sockaddr and its length, option words, a pollfd, a data buffer up to
 *     {@code Scratch.MAX_DATA}), in an automatic arena freed with its thread, so that a call on
 *     a hot path allocates nothing.</li>
 * </ul>
 * Below it, package {@code dev.pysocket.bindings} holds the generated constants, downcall
 * handles and struct layouts (from {@code native/generate}; never edited by hand).
 */
package dev.pysocket.syscall;
