package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a manifest as a {@code batch/v1} CronJob, rejecting any field the model does not know.
 * fabric8's model classes accept unknown fields on purpose (they keep them in
 * {@code additionalProperties}, for forward compatibility); here every class's catch-all is taken
 * away and unknown properties fail, as {@code kubectl apply --validate=strict} would.
 */
public final class StrictCronJobs {

    private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                        BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                    return builder;
                }
            }));

    private StrictCronJobs() {}

    public static CronJob read(Path file) throws IOException {
        return read(Files.readString(file));
    }

    public static CronJob read(String yaml) throws IOException {
        CronJob cronJob = STRICT.readValue(yaml, CronJob.class);
        if (!"batch/v1".equals(cronJob.getApiVersion()) || !"CronJob".equals(cronJob.getKind())) {
            throw new IOException("not a batch/v1 CronJob: " + cronJob.getApiVersion() + " " + cronJob.getKind());
        }
        return cronJob;
    }
}
