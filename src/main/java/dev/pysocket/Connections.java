package dev.pysocket;

/** STUB (being written): Lib/socket.py's create_connection/create_server. */
final class Connections {
    private Connections() {
    }

    static SocketType create_connection(Address address, long timeoutNanos, boolean defaultTimeout,
                                        Address source, boolean allErrors) throws OSError {
        throw new UnsupportedOperationException();
    }

    static SocketType create_server(Address address, int family, Integer backlog, boolean reusePort,
                                    boolean dualstack) throws OSError {
        throw new UnsupportedOperationException();
    }

    static boolean has_dualstack_ipv6() {
        throw new UnsupportedOperationException();
    }
}
