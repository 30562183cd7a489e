package io.hookbot.api;

/**
 * A person (or bot) on a platform.
 *
 * @param id   the platform's id for the user: a phone number, a user id, a Yalgaar uuid
 * @param name a display name where the platform gives one, otherwise {@code null}
 * @param role the user's role where the platform has roles ({@code presenter}, {@code teacher}…), otherwise {@code null}
 */
public record User(String id, String name, String role) {

    /**
     * @param id the platform's id for the user
     * @return a user known only by id
     */
    public static User of(String id) {
        return new User(id, null, null);
    }
}
