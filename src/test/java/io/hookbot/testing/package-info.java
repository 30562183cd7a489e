/**
 * Test support shared by the suites: a running hookbot on H2 or PostgreSQL ({@link io.hookbot.testing.TestApp},
 * {@link io.hookbot.testing.Database}), its channels' settings as methods instead of
 * {@code hookbot.channels.<name>.<key>} strings ({@link io.hookbot.testing.TestChannel}:
 * {@code TestChannel.smsGateway("sms-main").secret(s).sendUrl(url)}, given to {@code TestApp.with}), calls to its
 * private paths with a token ({@link io.hookbot.testing.AdminClient}), a fake gateway that records what was sent
 * ({@link io.hookbot.testing.FakeGateway}), and waiting on conditions with a deadline
 * ({@link io.hookbot.testing.Eventually}).
 *
 * <p>A suite that must hold on both databases is one class annotated {@link io.hookbot.testing.OnEachDatabase}
 * (JUnit's {@code @ParameterizedClass}), taking a {@link io.hookbot.testing.TestDatabase} in a field; it runs once
 * on H2 and once on PostgreSQL, the PostgreSQL run left out with a message where PostgreSQL does not answer
 * ({@link io.hookbot.testing.RequiresPostgres} decides, and fails instead under {@code HOOKBOT_REQUIRE_SERVICES}).
 * Classes with a database's own extra cases keep a subclass per database ({@code DatabaseHealth…},
 * {@code BadInputCorpus…}, whose class-wide set-up JUnit runs once per class, not per database), and so do the
 * jqwik properties ({@code WebinatoOrderProperty…}), which JUnit's parameterized classes do not reach.
 */
package io.hookbot.testing;
