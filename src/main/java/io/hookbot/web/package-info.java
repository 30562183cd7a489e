/**
 * HTTP concerns shared by every route: the answer to an error no route handled, which says nothing of the data it
 * carried. Depends on {@code worker} (for {@link io.hookbot.worker.SafeErrors}) only.
 */
package io.hookbot.web;
