package io.strata.cli.serve;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/** This machine's addresses, for tests that listen beyond loopback when the machine has somewhere to listen. */
public final class LocalAddresses {

    private LocalAddresses() {}

    /** A non-loopback IPv4 address of an interface that is up, if there is one. */
    public static Optional<InetAddress> other() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && nic.isUp()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
