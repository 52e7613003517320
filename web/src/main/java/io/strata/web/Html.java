package io.strata.web;

/** HTML text helpers shared by the pages. Every name from the platform goes through {@link #esc}. */
public final class Html {

    private Html() {}

    /** Escapes text for an element body and for a quoted attribute alike. */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /**
     * An id for an element from any name: hostile names must not break out of the attribute nor
     * collide with another name's id, so every character outside [a-z0-9] is written as its code.
     */
    public static String id(String prefix, String name) {
        StringBuilder out = new StringBuilder(prefix.length() + name.length() + 8).append(prefix).append('-');
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                out.append(ch);
            } else {
                out.append('_').append(Integer.toHexString(ch)).append('_');
            }
        }
        return out.toString();
    }
}
