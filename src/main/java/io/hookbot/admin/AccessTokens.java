package io.hookbot.admin;

import io.hookbot.config.SettingException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two bearer tokens hookbot accepts: {@code hookbot.admin.token} (every call) and the optional
 * {@code hookbot.api.token} (read-only: GET and HEAD). Only their SHA-256 digests are kept, and a presented token is
 * compared digest to digest in constant time, so neither its bytes nor its length can be guessed from response times.
 */
@Singleton
public class AccessTokens {

    /** Who a presented {@code Authorization} header says the caller is. */
    public enum Caller {
        /** No bearer token was sent. */
        ANONYMOUS,
        /** A bearer token was sent that matches neither configured token. */
        WRONG,
        /** The admin token: every call. */
        ADMIN,
        /** The read-only api token: GET and HEAD. */
        READER
    }

    private static final String BEARER = "Bearer ";

    private final byte[] admin;
    private final byte[] reader;

    /**
     * @param admin {@code hookbot.admin.*}
     * @param api   {@code hookbot.api.*}
     */
    @Inject
    public AccessTokens(AdminSettings admin, ApiSettings api) {
        this(admin.token(), api.token());
    }

    /**
     * @param adminToken {@code hookbot.admin.token}; blank or {@code null}: none
     * @param apiToken   {@code hookbot.api.token}; blank or {@code null}: none
     * @throws SettingException if both are set and equal, which would make the read-only token an admin one
     */
    public AccessTokens(String adminToken, String apiToken) {
        this.admin = digestOrNull(adminToken);
        this.reader = digestOrNull(apiToken);
        if (admin != null && reader != null && MessageDigest.isEqual(admin, reader)) {
            throw new SettingException("hookbot.api.token must differ from hookbot.admin.token: the api token "
                    + "is the read-only one");
        }
    }

    /** @return whether {@code hookbot.admin.token} is set */
    public boolean adminConfigured() {
        return admin != null;
    }

    /** @return whether any token is set, so that private paths can be reached at all */
    public boolean anyConfigured() {
        return admin != null || reader != null;
    }

    /**
     * @param authorization the request's {@code Authorization} header, or {@code null}
     * @return who that makes the caller
     */
    public Caller identify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Caller.ANONYMOUS;
        }
        byte[] presented = digest(authorization.substring(BEARER.length()).trim());
        // both comparisons always run, so the time taken does not say which token was close
        boolean isAdmin = admin != null && MessageDigest.isEqual(admin, presented);
        boolean isReader = reader != null && MessageDigest.isEqual(reader, presented);
        return isAdmin ? Caller.ADMIN : isReader ? Caller.READER : Caller.WRONG;
    }

    /**
     * The dashboard's sign-in: whether a typed token is the admin token, compared as {@link #identify} compares.
     *
     * @param token what was typed, or {@code null}
     * @return the token's digest if it is the admin token, to bind a session to; {@code null} otherwise
     */
    public byte[] adminDigest(String token) {
        if (token == null || admin == null) {
            return null;
        }
        byte[] presented = digest(token.trim());
        return MessageDigest.isEqual(admin, presented) ? presented : null;
    }

    /**
     * @param digest what {@link #adminDigest} returned when a session was opened
     * @return whether it is still the admin token's (false once the token is changed or unset)
     */
    public boolean isAdminDigest(byte[] digest) {
        return admin != null && digest != null && MessageDigest.isEqual(admin, digest);
    }

    private static byte[] digestOrNull(String token) {
        return token == null || token.isBlank() ? null : digest(token.trim());
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
