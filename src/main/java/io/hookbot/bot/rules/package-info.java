/**
 * Rule files: the YAML model of a bot ({@code bots/*.yml}), its parser and validation, conditions, and reply
 * templates. {@link io.hookbot.bot.rules.RuleBook} holds the bots currently in force. Depends on {@code api},
 * {@code bot} and {@code conversation}.
 */
package io.hookbot.bot.rules;
