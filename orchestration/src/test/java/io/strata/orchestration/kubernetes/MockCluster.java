package io.strata.orchestration.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.strata.core.config.SchedulerSettings;
import java.util.HashMap;

/**
 * fabric8's mock API server in CRUD mode: it stores what is created, serves lists and label
 * selectors, bumps resourceVersion on every write and refuses a stale one with 409. No real API
 * server can run on the build machines; the client under test is made by
 * {@link KubernetesClients#connect} from a {@code server:} setting, exactly as for a real cluster.
 */
public final class MockCluster implements AutoCloseable {

    private final KubernetesMockServer server;
    public final String url;

    public MockCluster() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        url = server.url("/").replaceAll("/$", "");
    }

    public SchedulerSettings.Kubernetes settings(String namespace) {
        return new SchedulerSettings.Kubernetes(null, url, namespace);
    }

    /** A client of Strata's own making, for a test to look at or change the cluster. */
    public KubernetesClient client() {
        return KubernetesClients.connect(settings("default"));
    }

    @Override
    public void close() {
        server.destroy();
    }
}
