package io.strata.orchestration.cronjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.orchestration.cronjob.RetryPolicy.AfterFailure;
import io.strata.orchestration.cronjob.RetryPolicy.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The Job controller's rules (pkg/controller/job): pod failure backoff 10s doubling to at most
 * 6 minutes ({@code DefaultJobPodFailureBackOff}, {@code MaxJobPodFailureBackOff},
 * {@code getRemainingTimeForFailuresCount}), {@code failed > backoffLimit} for {@code Never},
 * {@code pastBackoffLimitOnFailure} for {@code OnFailure}, {@code pastActiveDeadline}.
 */
class RetryPolicyTest {

    private static final Instant START = Instant.parse("2024-05-01T03:00:00Z");

    @Test
    void backoffDoublesFromTenSecondsUpToSixMinutes() {
        assertThat(IntStream.rangeClosed(0, 9).mapToObj(RetryPolicy::backoff).map(Duration::getSeconds))
                .containsExactly(0L, 10L, 20L, 40L, 80L, 160L, 320L, 360L, 360L, 360L);
    }

    @Test
    void neverCountsFailedPodsAgainstTheLimit() {
        RetryPolicy policy = new RetryPolicy(2, RestartPolicy.NEVER, Optional.empty());
        assertThat(policy.backoffLimitExceeded(2)).isFalse();
        assertThat(policy.backoffLimitExceeded(3)).isTrue();
        assertThat(new RetryPolicy(0, RestartPolicy.NEVER, Optional.empty()).backoffLimitExceeded(1)).isTrue();
        assertThat(RetryPolicy.defaults(RestartPolicy.NEVER).backoffLimitExceeded(6)).isFalse();
        assertThat(RetryPolicy.defaults(RestartPolicy.NEVER).backoffLimitExceeded(7)).isTrue();
    }

    @Test
    void onFailureCountsRestartsSoTheLimitIsReachedOneFailureSooner() {
        RetryPolicy policy = new RetryPolicy(2, RestartPolicy.ON_FAILURE, Optional.empty());
        assertThat(policy.backoffLimitExceeded(1)).isFalse();
        assertThat(policy.backoffLimitExceeded(2)).isTrue();
        RetryPolicy none = new RetryPolicy(0, RestartPolicy.ON_FAILURE, Optional.empty());
        assertThat(none.backoffLimitExceeded(0)).isFalse();
        assertThat(none.backoffLimitExceeded(1)).isTrue();
    }

    @Test
    void afterAFailureARetryWaitsItsBackoff() {
        RetryPolicy article = new RetryPolicy(2, RestartPolicy.ON_FAILURE, Optional.empty());
        Instant failed = START.plusSeconds(30);
        assertThat(article.afterFailure(1, START, failed)).isEqualTo(new AfterFailure.RetryAt(failed.plusSeconds(10), 2));
        assertThat(article.afterFailure(2, START, failed))
                .isEqualTo(new AfterFailure.Fail(FailureReason.BACKOFF_LIMIT_EXCEEDED, failed));
        RetryPolicy never = new RetryPolicy(6, RestartPolicy.NEVER, Optional.empty());
        assertThat(never.afterFailure(3, START, failed)).isEqualTo(new AfterFailure.RetryAt(failed.plusSeconds(40), 4));
    }

    @Test
    void theDeadlineCoversTheWholeRunAndReachingItCounts() {
        RetryPolicy policy = new RetryPolicy(6, RestartPolicy.NEVER, Optional.of(60L));
        assertThat(policy.deadline(START)).contains(START.plusSeconds(60));
        assertThat(policy.deadlineExceeded(START, START.plusSeconds(59))).isFalse();
        assertThat(policy.deadlineExceeded(START, START.plusSeconds(60))).isTrue();
        assertThat(RetryPolicy.defaults(RestartPolicy.NEVER).deadlineExceeded(START, START.plusSeconds(86_400 * 365))).isFalse();
        // A retry that could only start after the deadline means the run fails at the deadline.
        assertThat(policy.afterFailure(1, START, START.plusSeconds(55)))
                .isEqualTo(new AfterFailure.Fail(FailureReason.DEADLINE_EXCEEDED, START.plusSeconds(60)));
        assertThat(policy.afterFailure(1, START, START.plusSeconds(61)))
                .isEqualTo(new AfterFailure.Fail(FailureReason.DEADLINE_EXCEEDED, START.plusSeconds(61)));
        // The backoff limit is checked before the deadline.
        assertThat(policy.afterFailure(7, START, START.plusSeconds(61)))
                .isEqualTo(new AfterFailure.Fail(FailureReason.BACKOFF_LIMIT_EXCEEDED, START.plusSeconds(61)));
    }

    @Test
    void refusesNegativeLimits() {
        assertThatThrownBy(() -> new RetryPolicy(-1, RestartPolicy.NEVER, Optional.empty()))
                .hasMessageContaining("spec.jobTemplate.spec.backoffLimit");
        assertThatThrownBy(() -> new RetryPolicy(1, RestartPolicy.NEVER, Optional.of(-5L)))
                .hasMessageContaining("activeDeadlineSeconds");
    }
}
