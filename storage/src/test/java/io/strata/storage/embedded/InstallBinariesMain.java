package io.strata.storage.embedded;

/** A separate process for the binaries test: unpacks (or finds) the binaries and prints where. */
public final class InstallBinariesMain {

    private InstallBinariesMain() {
    }

    public static void main(String[] args) {
        System.out.println(PostgresBinaries.install());
    }
}
