/**
 * The conversation search by text: what a word is ({@link io.hookbot.search.SearchWords}, one definition for the
 * index and the query), the word index table {@code conversation_word} and the condition a search puts on the
 * conversations ({@link io.hookbot.search.WordIndex}), and its background indexer
 * ({@link io.hookbot.search.SearchIndexer}, a worker that reads {@code inbox_event} after its cursor, and ages the
 * index out with the inbox's retention). Nothing on the webhook's or the turn's way writes here. Depends on
 * {@code api} (the message's text), {@code inbox} (the stored form, the retention), {@code db}, {@code metrics}
 * (the lag gauge) and {@code worker}.
 */
package io.hookbot.search;
