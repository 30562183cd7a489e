package io.hookbot.bot.rules;

/** Large rule files for tests and benchmarks. */
public final class RuleFiles {

    private RuleFiles() {
    }

    /**
     * @param rules how many rules, half keyword rules ({@code kw<i>}), half regex rules
     *              ({@code ^order\s+<i>\s+#(\d+)})
     * @return the YAML text of a bot with that many rules
     */
    public static String generated(int rules) {
        StringBuilder yaml = new StringBuilder("bot: big\nrules:\n");
        for (int i = 0; i < rules; i++) {
            if (i % 2 == 0) {
                yaml.append("  - when: { keywords: [kw").append(i / 2).append("] }\n")
                        .append("    then: [{reply: \"keyword ").append(i / 2).append("\"}]\n");
            } else {
                yaml.append("  - when: { regex: '^order\\s+").append(i / 2).append("\\s+#(?<n>\\d+)' }\n")
                        .append("    then: [{reply: \"order ").append(i / 2).append(" #{{match.n}}\"}]\n");
            }
        }
        return yaml.toString();
    }
}
