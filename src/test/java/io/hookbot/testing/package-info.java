/**
 * Test support shared by the suites: a running hookbot on H2 or PostgreSQL ({@link io.hookbot.testing.TestApp},
 * {@link io.hookbot.testing.Database}), calls to its private paths with a token
 * ({@link io.hookbot.testing.AdminClient}), a fake gateway that records what was sent
 * ({@link io.hookbot.testing.FakeGateway}), and waiting on conditions with a deadline
 * ({@link io.hookbot.testing.Eventually}).
 */
package io.hookbot.testing;
