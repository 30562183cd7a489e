package io.hookbot.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

import java.util.stream.Stream;

/**
 * The databases hookbot runs on, as a test parameter: {@link OnEachDatabase} runs a test class once per value. Each
 * value makes a fresh {@link Database} per call, as a test starting an application wants.
 */
public enum TestDatabase {

    /** The embedded H2 in a file, the default; webhooks are acknowledged from the inbox journal. */
    H2("H2"),
    /** The test PostgreSQL ({@link RequiresPostgres}); webhooks are acknowledged after the commit. */
    POSTGRES("PostgreSQL");

    private final String productName;

    TestDatabase(String productName) {
        this.productName = productName;
    }

    /** @return a new, empty database of this kind */
    public Database fresh() {
        return this == H2 ? Database.h2() : Database.postgres();
    }

    /**
     * @param user     the user the URL names
     * @param password its password
     * @return a new, empty database of this kind whose URL carries the credentials
     */
    public Database withCredentialsInUrl(String user, String password) {
        return this == H2 ? Database.h2WithCredentialsInUrl(user, password)
                : Database.postgresWithCredentialsInUrl(user, password);
    }

    /** @return the name the JDBC driver reports */
    public String productName() {
        return productName;
    }

    /** @return whether an application on it acknowledges webhooks from the inbox journal (the embedded H2 only) */
    public boolean journaled() {
        return this == H2;
    }

    @Override
    public String toString() {
        return productName;
    }

    /**
     * H2 always; PostgreSQL when it answers. Where it does not, its run is left out with a message saying so, or,
     * with {@code HOOKBOT_REQUIRE_SERVICES=true}, the class fails.
     */
    public static final class Available implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters,
                                                            ExtensionContext context) {
            String skip = RequiresPostgres.Condition.skipReason();
            return (skip == null ? Stream.of(H2, POSTGRES) : Stream.of(H2)).map(Arguments::of);
        }
    }
}
