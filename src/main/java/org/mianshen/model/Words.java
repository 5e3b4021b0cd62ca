package org.mianshen.model;

/** Whole-word lookup in a space-separated list ("SMALL MICRO"), without allocating. */
public final class Words {
    private Words() {}

    public static boolean contains(String words, String w) {
        int from = 0;
        while (true) {
            int i = words.indexOf(w, from);
            if (i < 0) return false;
            int end = i + w.length();
            if ((i == 0 || words.charAt(i - 1) == ' ') && (end == words.length() || words.charAt(end) == ' ')) return true;
            from = i + 1;
        }
    }
}
