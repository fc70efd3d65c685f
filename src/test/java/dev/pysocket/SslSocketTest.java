package dev.pysocket;

import static dev.pysocket.socket.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** pysocket's ssl against itself over socketpairs: modes, errors and attributes CPython shows. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SslSocketTest {
    static TlsTestSupport.Certs certs;

    @BeforeAll
    static void makeCerts() throws Exception {
        certs = TlsTestSupport.certs();
    }

    @Test
    void nonBlockingHandshakeWantsReadWithNoPeerAnswer() throws Exception {
        SocketPair p = socketpair();
        try (SocketType peer = p.b()) {
            SocketType a = p.a();
            a.setblocking(false);
            try (SSLSocket t = ssl.create_default_context(certs.file("ca.pem")).wrap_socket(a, false, false, true, "localhost")) {
                SSLWantReadError e = assertThrows(SSLWantReadError.class, t::do_handshake);
                assertEquals("SSLWantReadError(2, 'The operation did not complete (read) (_ssl.c:1006)')", e.repr());
                assertTrue(peer.recv(5).length == 5, "the ClientHello was sent");
            }
        }
    }
}
