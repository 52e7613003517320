package io.strata.orchestration.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * In UTC, where no clock jumps, robfig's next time must be the first minute after the given time
 * that a plain reading of the five fields accepts. Random specs (lists, ranges, steps, names,
 * stars, question marks) are checked against a minute-by-minute search over more than a year,
 * with a fixed seed so that a failure replays; the reading of the fields here is independent of
 * the parser's bits.
 */
class BruteForceNextTest {

    private static final long SEED = 20240331L;
    private static final int SPECS = 150;
    private static final int SEARCH_MINUTES = 400 * 24 * 60;
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    /** One generated field: its text, the values it allows, and whether robfig sees a star. */
    private record GeneratedField(String text, BitSet values, boolean star) {}

    @Test
    void nextIsTheFirstMatchingMinuteOfABruteForceSearch() {
        Random random = new Random(SEED);
        for (int i = 0; i < SPECS; i++) {
            GeneratedField minute = field(random, 0, 59, null);
            GeneratedField hour = field(random, 0, 23, null);
            GeneratedField dom = field(random, 1, 31, null);
            GeneratedField month = field(random, 1, 12, MONTHS);
            GeneratedField dow = field(random, 0, 6, DAYS);
            String spec = String.join(" ", minute.text(), hour.text(), dom.text(), month.text(), dow.text());
            ZonedDateTime after = ZonedDateTime.of(2020 + random.nextInt(8), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(1_000_000_000), ZoneOffset.UTC);

            Optional<ZonedDateTime> expected = search(after, minute, hour, dom, month, dow);
            Optional<ZonedDateTime> actual = CronSchedule.parse(spec).next(after);
            if (expected.isPresent()) {
                assertThat(actual).as("%s after %s", spec, after).isEqualTo(expected);
            } else {
                // Nothing within the search: robfig either finds nothing or a time beyond it.
                actual.ifPresent(t -> {
                    assertThat(t).as("%s after %s", spec, after).isAfter(after.plusMinutes(SEARCH_MINUTES));
                    assertThat(matches(t.toLocalDateTime(), minute, hour, dom, month, dow)).isTrue();
                });
            }
        }
    }

    @Test
    void nextTimesStrictlyIncrease() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < SPECS; i++) {
            String spec = String.join(" ", field(random, 0, 59, null).text(), field(random, 0, 23, null).text(),
                    field(random, 1, 31, null).text(), field(random, 1, 12, MONTHS).text(),
                    field(random, 0, 6, DAYS).text());
            CronSchedule schedule = CronSchedule.parse(spec);
            ZonedDateTime t = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            for (int step = 0; step < 20; step++) {
                Optional<ZonedDateTime> next = schedule.next(t);
                if (next.isEmpty()) {
                    break;
                }
                assertThat(next.get()).as(spec).isAfter(t);
                assertThat(next.get().getSecond()).isZero();
                assertThat(next.get().getNano()).isZero();
                t = next.get();
            }
        }
    }

    private static Optional<ZonedDateTime> search(ZonedDateTime after, GeneratedField minute, GeneratedField hour,
            GeneratedField dom, GeneratedField month, GeneratedField dow) {
        LocalDateTime t = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        for (int i = 0; i < SEARCH_MINUTES; i++, t = t.plusMinutes(1)) {
            if (matches(t, minute, hour, dom, month, dow)) {
                return Optional.of(t.atZone(ZoneOffset.UTC));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(LocalDateTime t, GeneratedField minute, GeneratedField hour,
            GeneratedField dom, GeneratedField month, GeneratedField dow) {
        boolean domMatch = dom.values().get(t.getDayOfMonth());
        boolean dowMatch = dow.values().get(t.getDayOfWeek().getValue() % 7);
        // Vixie cron's rule as robfig implements it: OR, unless either day field is a star.
        boolean day = dom.star() || dow.star() ? domMatch && dowMatch : domMatch || dowMatch;
        return t.getSecond() == 0 && minute.values().get(t.getMinute()) && hour.values().get(t.getHour())
                && month.values().get(t.getMonthValue()) && day;
    }

    /** A random field: a list of one to three items, each a star, a value, a range, with or without a step. */
    private static GeneratedField field(Random random, int min, int max, String[] names) {
        if (random.nextInt(3) == 0) {
            String star = random.nextBoolean() ? "*" : "?";
            BitSet all = new BitSet();
            all.set(min, max + 1);
            return new GeneratedField(star, all, true);
        }
        int items = 1 + random.nextInt(3);
        List<String> texts = new ArrayList<>();
        BitSet values = new BitSet();
        boolean star = false;
        for (int i = 0; i < items; i++) {
            int kind = random.nextInt(5);
            int a = min + random.nextInt(max - min + 1);
            int b = a + random.nextInt(max - a + 1);
            int step = 1 + random.nextInt(Math.max(1, (max - min) / 2));
            String text;
            int from;
            int to;
            int by = 1;
            switch (kind) {
                case 0 -> {
                    text = name(a, min, names, random);
                    from = a;
                    to = a;
                }
                case 1 -> {
                    text = name(a, min, names, random) + "-" + name(b, min, names, random);
                    from = a;
                    to = b;
                }
                case 2 -> {
                    text = name(a, min, names, random) + "-" + name(b, min, names, random) + "/" + step;
                    from = a;
                    to = b;
                    by = step;
                }
                case 3 -> {
                    text = a + "/" + step;
                    from = a;
                    to = max;
                    by = step;
                }
                default -> {
                    text = "*/" + step;
                    from = min;
                    to = max;
                    by = step;
                    star |= step == 1;
                }
            }
            for (int v = from; v <= to; v += by) {
                values.set(v);
            }
            texts.add(text);
        }
        return new GeneratedField(String.join(",", texts), values, star);
    }

    private static String name(int value, int min, String[] names, Random random) {
        if (names != null && random.nextInt(3) == 0) {
            String name = names[value - min];
            return random.nextBoolean() ? name : name.toLowerCase(java.util.Locale.ROOT);
        }
        return Integer.toString(value);
    }
}
