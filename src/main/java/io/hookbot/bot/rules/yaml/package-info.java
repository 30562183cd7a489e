/**
 * A YAML tree that remembers where every key and value was written, read with Jackson's YAML parser, so that rule
 * file errors can say {@code file:line:column}. Used by the rule file parser; depends on nothing else in hookbot.
 */
package io.hookbot.bot.rules.yaml;
