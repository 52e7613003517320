package io.strata.orchestration.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code cron.ParseStandard} accepts and refuses. Cases marked "robfig" are from robfig/cron
 * v3.0.1's parser_test.go and spec_test.go ({@code TestRange}, {@code TestField},
 * {@code TestAll}, {@code TestParseSchedule}, {@code TestStandardSpecSchedule}, {@code TestErrors},
 * {@code TestSlash0NoHang}); the others pin down leniencies read in parser.go.
 */
class CronParserTest {

    private static final long STAR = SpecSchedule.STAR_BIT;
    private static final long ALL_HOURS = 0xffffffL | STAR;
    private static final long ALL_DAYS = 0xfffffffeL | STAR;
    private static final long ALL_MONTHS = 0x1ffeL | STAR;
    private static final long ALL_WEEKDAYS = 0x7fL | STAR;

    private static SpecSchedule spec(String text) {
        return (SpecSchedule) CronSchedule.parse(text);
    }

    /** The minute field's bits when {@code field} is written as the minute of "F * * * *". */
    private static long minutes(String field) {
        return spec(field + " * * * *").minuteBits();
    }

    private static long weekdays(String field) {
        return spec("0 0 * * " + field).dayOfWeekBits();
    }

    @Test
    void everyFiveMinutesPastTheHourHasTheBitsRobfigExpects() { // robfig TestStandardSpecSchedule
        SpecSchedule s = spec("5 * * * *");
        assertThat(s.secondBits()).isEqualTo(1L);
        assertThat(s.minuteBits()).isEqualTo(1L << 5);
        assertThat(s.hourBits()).isEqualTo(ALL_HOURS);
        assertThat(s.dayOfMonthBits()).isEqualTo(ALL_DAYS);
        assertThat(s.monthBits()).isEqualTo(ALL_MONTHS);
        assertThat(s.dayOfWeekBits()).isEqualTo(ALL_WEEKDAYS);
        assertThat(s.location()).isEmpty();
    }

    @Test
    void rangesAndStepsSetTheBitsOfRobfigsTestRange() { // robfig TestRange, on the day-of-week field (0-6)
        assertThat(weekdays("5")).isEqualTo(1L << 5);
        assertThat(weekdays("0")).isEqualTo(1L);
        assertThat(weekdays("5-5")).isEqualTo(1L << 5);
        assertThat(weekdays("4-6")).isEqualTo(1L << 4 | 1L << 5 | 1L << 6);
        assertThat(weekdays("4-5/2")).isEqualTo(1L << 4);
        assertThat(weekdays("4-6/2")).isEqualTo(1L << 4 | 1L << 6);
        assertThat(weekdays("4-6/1")).isEqualTo(1L << 4 | 1L << 5 | 1L << 6);
        assertThat(weekdays("*/2")).isEqualTo(1L | 1L << 2 | 1L << 4 | 1L << 6);
    }

    @Test
    void listsJoinTheirRanges() { // robfig TestField
        assertThat(minutes("5,6,7")).isEqualTo(1L << 5 | 1L << 6 | 1L << 7);
        assertThat(minutes("1,5-7/2,3")).isEqualTo(1L << 1 | 1L << 5 | 1L << 7 | 1L << 3);
    }

    @Test
    void aStarOrQuestionMarkSetsEveryBitAndTheStarBit() { // robfig TestAll
        assertThat(minutes("*")).isEqualTo(0xfffffffffffffffL | STAR);
        assertThat(minutes("?")).isEqualTo(0xfffffffffffffffL | STAR);
        assertThat(spec("0 * * * *").hourBits()).isEqualTo(ALL_HOURS);
    }

    @Test
    void aStepAboveOneDropsTheStarBitButStarSlashOneKeepsIt() {
        assertThat(minutes("*/1")).isEqualTo(0xfffffffffffffffL | STAR);
        assertThat(minutes("*/2") & STAR).isZero();
    }

    @Test
    void numberSlashStepRunsToTheFieldsMaximum() {
        assertThat(minutes("50/5")).isEqualTo(1L << 50 | 1L << 55);
        assertThat(spec("0 0 * 11/1 *").monthBits()).isEqualTo(1L << 11 | 1L << 12);
    }

    @Test
    void aStepLargerThanTheRangeSelectsOnlyItsStart() {
        assertThat(minutes("*/100")).isEqualTo(1L);
        assertThat(minutes("7/9223372036854775807")).isEqualTo(1L << 7);
    }

    @Test
    void robfigLeniencies() {
        assertThat(minutes("1,,2")).as("empty list items are skipped").isEqualTo(1L << 1 | 1L << 2);
        assertThat(minutes(",5,")).isEqualTo(1L << 5);
        assertThat(minutes(",")).as("a field of commas only selects nothing").isZero();
        assertThat(minutes("*-5")).as("a star's hyphen part is ignored").isEqualTo(minutes("*"));
        assertThat(minutes("+5")).as("Atoi takes a plus sign").isEqualTo(1L << 5);
        assertThat(minutes("005")).isEqualTo(1L << 5);
        assertThat(weekdays("MON/2")).as("a name then a step runs to the maximum").isEqualTo(1L << 1 | 1L << 3 | 1L << 5);
    }

    @Test
    void namesAreCaseInsensitiveAndWorkInRanges() {
        assertThat(weekdays("MON-FRI")).isEqualTo(0b111110L);
        assertThat(weekdays("sun,Sat")).isEqualTo(1L | 1L << 6);
        assertThat(spec("0 0 1 jan-MAR/2 *").monthBits()).isEqualTo(1L << 1 | 1L << 3);
        // Go lower-cases code point by code point: U+0130 (I with dot) becomes a plain i.
        assertThat(weekdays("FR\u0130")).isEqualTo(1L << 5);
    }

    @Test
    void descriptorsAreRobfigsSpecSchedules() { // robfig TestParseSchedule
        SpecSchedule midnight = spec("@midnight");
        assertThat(new long[] {midnight.secondBits(), midnight.minuteBits(), midnight.hourBits(),
                midnight.dayOfMonthBits(), midnight.monthBits(), midnight.dayOfWeekBits()})
                .containsExactly(1, 1, 1, ALL_DAYS, ALL_MONTHS, ALL_WEEKDAYS);
        SpecSchedule yearly = spec("@yearly");
        assertThat(new long[] {yearly.dayOfMonthBits(), yearly.monthBits(), yearly.dayOfWeekBits()})
                .containsExactly(1L << 1, 1L << 1, ALL_WEEKDAYS);
        assertThat(spec("@annually").monthBits()).isEqualTo(1L << 1);
        assertThat(spec("@monthly").monthBits()).isEqualTo(ALL_MONTHS);
        assertThat(spec("@weekly").dayOfWeekBits()).isEqualTo(1L);
        assertThat(spec("@weekly").dayOfMonthBits()).isEqualTo(ALL_DAYS);
        assertThat(spec("@daily").hourBits()).isEqualTo(1L);
        assertThat(spec("@hourly").hourBits()).isEqualTo(ALL_HOURS);
    }

    @Test
    void timeZonePrefixes() { // robfig TestParseSchedule
        assertThat(spec("CRON_TZ=UTC  5 * * * *").location()).contains(ZoneOffset.UTC);
        assertThat(spec("TZ=UTC  @midnight").location()).contains(ZoneOffset.UTC);
        assertThat(spec("TZ=Asia/Tokyo @midnight").location()).contains(ZoneId.of("Asia/Tokyo"));
        assertThat(spec("TZ= 5 * * * *").location()).as("LoadLocation(\"\") is UTC").contains(ZoneOffset.UTC);
        assertThat(spec("TZ=Local 5 * * * *").location()).isEmpty();
        // The zone name ends at the first space only, so a tab and what follows are part of it.
        assertThatThrownBy(() -> CronSchedule.parse("TZ=Europe/Berlin\t5 * * * *"))
                .hasMessageContaining("unknown time zone `Europe/Berlin\t5`");
    }

    @Test
    void everyIsAConstantDelayInWholeSecondsOfAtLeastOne() {
        assertThat(((ConstantDelaySchedule) CronSchedule.parse("@every 5m")).delay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(((ConstantDelaySchedule) CronSchedule.parse("@every 1h30m")).delay()).isEqualTo(Duration.ofMinutes(90));
        assertThat(((ConstantDelaySchedule) CronSchedule.parse("@every 1.5h")).delay()).isEqualTo(Duration.ofMinutes(90));
        assertThat(((ConstantDelaySchedule) CronSchedule.parse("@every 1m30.9s")).delay()).isEqualTo(Duration.ofSeconds(90));
        assertThat(((ConstantDelaySchedule) CronSchedule.parse("@every 15ms")).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(((ConstantDelaySchedule) CronSchedule.parse("@every 0")).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(((ConstantDelaySchedule) CronSchedule.parse("@every -5m")).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(((ConstantDelaySchedule) CronSchedule.parse("TZ=Asia/Tokyo @every 2h")).delay()).isEqualTo(Duration.ofHours(2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "xyz|expected exactly 5 fields",                       // robfig TestErrors
        "60 0 * * *|minute field `60`: end of range (60) above maximum (59)",
        "0 60 * * *|hour field `60`: end of range (60) above maximum (23)",
        "0 0 * * XYZ|day of week field `XYZ`: `XYZ` is not a number",
        "5 j * * *|hour field `j`: `j` is not a number",       // robfig TestStandardSpecSchedule
        "* * * *|expected exactly 5 fields (minute hour day-of-month month day-of-week), found 4",
        "0 * * * * *|found 6",
        "TZ=America/New_York 15/0 * * * *|minute field `15/0`: step of range should be a positive number", // robfig TestSlash0NoHang
        "@every Xm|@every needs a duration",                  // robfig TestParseScheduleErrors
        "@unrecognized|unknown descriptor `@unrecognized`",
        "5--5 * * * *|too many hyphens",                      // robfig TestRange
        "0 0 * jan-x *|`x` is not a number",
        "2-x * * * *|`x` is not a number",
        "*/-12 * * * *|negative number (-12) not allowed",
        "*//2 * * * *|too many slashes",
        "0 0 0 * *|day of month field `0`: beginning of range (0) below minimum (1)",
        "5-3 * * * *|beginning of range (5) beyond end of range (3)",
        "*/0 * * * *|step of range should be a positive number",
        "0 0 * * 7|day of week field `7`: end of range (7) above maximum (6)",
        "0 0 * * 1-7|end of range (7) above maximum (6)",
        "0 0 32 * *|end of range (32) above maximum (31)",
        "0 0 * 13 *|end of range (13) above maximum (12)",
        "-5 * * * *|a number is missing",
        "1- * * * *|a number is missing",
        "/5 * * * *|a number is missing",
        "99999999999999999999 * * * *|`99999999999999999999` is not a number",
        "0 0 * * monday|`monday` is not a number",
        "@Daily|unknown descriptor",
        "'@daily '|unknown descriptor",
        "@every|unknown descriptor",
        "@every  1h|@every needs a duration",
        "@every 1d|unknown unit `d`",
        "@every 10|without a unit",
        "TZ=Mars/Olympus 0 3 * * *|unknown time zone `Mars/Olympus`",
        "TZ=+02:00 0 3 * * *|unknown time zone `+02:00`",
        "TZ=europe/berlin 0 3 * * *|unknown time zone",
        "TZ=UTC|must be followed by a space",
        "'TZ=UTC '|expected exactly 5 fields",
    })
    void refusesWhatRobfigRefusesQuotingTheSchedule(String schedule, String problem) {
        assertThatThrownBy(() -> CronSchedule.parse(schedule))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageStartingWith("invalid schedule \"" + schedule + "\": ")
                .hasMessageContaining(problem);
    }

    @Test
    void anEmptyScheduleIsRefused() { // robfig TestParseScheduleErrors
        assertThatThrownBy(() -> CronSchedule.parse(""))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("invalid schedule \"\": the schedule is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 3 * * *", "  0  3\t* *\n*  ", "0\u00a03 * * *", "0\u20033 * * *", "? ? ? ? ?"})
    void fieldsAreSeparatedByGoWhiteSpace(String schedule) {
        assertThat(CronSchedule.parse(schedule).spec()).isEqualTo(schedule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 L * *", "0 0 * * 1#2", "0 0 15W * *", "0 0 * * 5L", "0 0 * * \u0661"})
    void quartzAndOtherExtensionsAreRefused(String schedule) {
        assertThatThrownBy(() -> CronSchedule.parse(schedule)).isInstanceOf(InvalidScheduleException.class);
    }

    @Test
    void aDescriptorAfterLeadingSpaceIsOneFieldNotADescriptor() {
        assertThatThrownBy(() -> CronSchedule.parse(" @daily")).hasMessageContaining("found 1");
    }

    @Test
    void theProblemAndSpecAreAvailableApart() {
        InvalidScheduleException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidScheduleException.class,
                () -> CronSchedule.parse("0 25 * * *"));
        assertThat(e.spec()).isEqualTo("0 25 * * *");
        assertThat(e.problem()).isEqualTo("hour field `25`: end of range (25) above maximum (23)");
        assertThat(e.hint()).contains("minute hour day-of-month month day-of-week");
    }
}
