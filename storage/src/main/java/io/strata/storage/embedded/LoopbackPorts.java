package io.strata.storage.embedded;

import io.strata.core.error.StrataException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;

/** TCP port checks on 127.0.0.1, the only address the embedded server listens on. */
final class LoopbackPorts {

    // A local connect either succeeds or is refused at once; the timeout only guards a wedged stack.
    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private LoopbackPorts() {
    }

    static InetAddress loopback() {
        // Not getLoopbackAddress(): that may answer ::1, and the server listens on IPv4 only.
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal IPv4 address is always valid", e);
        }
    }

    /** True when something accepts TCP connections on the port: the cheapest proof of a live server. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(loopback(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the port can be bound now; PostgreSQL binds with SO_REUSEADDR, so we test the same way. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(loopback(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port the kernel considers free right now; someone may still take it before PostgreSQL binds. */
    static int pickFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(loopback(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StrataException("no free TCP port on 127.0.0.1: " + e.getMessage(),
                    "check that the loopback interface is up, or configure an external database in strata.yaml");
        }
    }
}
