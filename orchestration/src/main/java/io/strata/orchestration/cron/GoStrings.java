package io.strata.orchestration.cron;

import java.util.ArrayList;
import java.util.List;

/** The few functions of Go's {@code strings} package robfig's parser relies on, with Go's rules. */
final class GoStrings {

    private GoStrings() {}

    /** Go's {@code unicode.IsSpace}: Latin-1 white space plus the Unicode White_Space property. */
    static boolean isSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    /** {@code strings.Fields}: the words between runs of white space. */
    static List<String> fields(String s) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (isSpace(c)) {
                if (start >= 0) {
                    words.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            words.add(s.substring(start));
        }
        return words;
    }

    /** {@code strings.TrimSpace}. */
    static String trimSpace(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.codePointAt(from))) {
            from += Character.charCount(s.codePointAt(from));
        }
        while (to > from && isSpace(s.codePointBefore(to))) {
            to -= Character.charCount(s.codePointBefore(to));
        }
        return s.substring(from, to);
    }

    /** {@code strings.Split(s, sep)}: keeps empty pieces, including leading and trailing ones. */
    static List<String> split(String s, char separator) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == separator) {
                pieces.add(s.substring(from, i));
                from = i + 1;
            }
        }
        pieces.add(s.substring(from));
        return pieces;
    }

    /** {@code strings.ToLower}: Unicode simple case mapping, code point by code point. */
    static String toLower(String s) {
        StringBuilder lower = new StringBuilder(s.length());
        s.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        return lower.toString();
    }
}
