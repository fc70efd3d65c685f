// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.bench;

import dev.pysocket.OSError;
import dev.pysocket.SocketType;

/**
 * The ping-pong of {@link PingPongBenchmark} as a plain loop, to be counted with
 * {@code strace -f -c}: the syscalls per round trip do not depend on how noisy the machine is.
 * Arguments: transport ({@code unix} or {@code tcp}), timeout ({@code none} or seconds), round
 * trips.
 */
public final class PingPongSyscalls {
    private PingPongSyscalls() {
    }

    public static void main(String[] args) throws OSError {
        SocketType[] p = Connect.pysocket(args[0]);
        Double t = args[1].equals("none") ? null : Double.valueOf(args[1]);
        int rounds = Integer.parseInt(args[2]);
        byte[] out = new byte[PingPongBenchmark.SIZE];
        byte[] in = new byte[PingPongBenchmark.SIZE];
        try {
            p[0].settimeout(t);
            p[1].settimeout(t);
            for (int i = 0; i < rounds; i++) {
                p[0].sendall(out);
                int n = p[1].recv_into(in);
                while (n < in.length) {
                    n += p[1].recv_into(in, in.length - n, 0);
                }
            }
        } finally {
            Connect.closeAll(p);
        }
    }
}
