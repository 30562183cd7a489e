/**
 * Conversations: the unit of ordering and the home of conversation state. Locking a conversation's row is what
 * lets exactly one thread of one instance take its turns. Depends on {@code api} and {@code db}.
 */
package io.hookbot.conversation;
