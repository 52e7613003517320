package io.strata.orchestration.manifest;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A container's {@code image}: either an image name as written, or the placeholder
 * {@code ${image:NAME}} that Strata fills in with the image it built for pipeline NAME (its tag is
 * the content hash of the pipeline's inputs), so the manifest in Git never pins a tag by hand.
 */
public sealed interface ImageReference {

    /** Where a placeholder's pipeline name may come from: a pipeline folder's name. */
    Pattern PIPELINE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** {@code ${image:pipeline}}. */
    record Placeholder(String pipeline) implements ImageReference {
        public Placeholder {
            Objects.requireNonNull(pipeline, "pipeline");
        }

        @Override
        public String toString() {
            return "${image:" + pipeline + "}";
        }
    }

    /** An image written out, such as {@code registry.example.com/customers:1.4}. */
    record Literal(String image) implements ImageReference {
        public Literal {
            Objects.requireNonNull(image, "image");
        }

        @Override
        public String toString() {
            return image;
        }
    }
}
