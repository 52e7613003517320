package io.strata.storage.mysql;

import io.strata.core.layer.JdbcDatabase;
import java.time.Duration;

/** A separate Strata-like process for the kill test: takes the apply lock, says so, and waits to be killed. */
public final class HoldApplyLockMain {

    private HoldApplyLockMain() {}

    public static void main(String[] args) throws Exception {
        JdbcDatabase database = new JdbcDatabase(args[0], args[0], null, null);
        new MySqlPlatformStore(database, "child pid " + ProcessHandle.current().pid()).lock(Duration.ofSeconds(30));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
