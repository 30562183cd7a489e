/**
 * Echo Chat, a platform that exists only in the tests: the proof that a platform is known by its folder alone. Its
 * bean ({@link io.hookbot.channel.echochat.EchoChatPlatform}) is all there is: no file outside this folder names
 * it, and yet the application serves its channels, the rule files may name it in {@code platform:}, and the
 * command line's {@code check}, {@code try} and {@code replay} know it. Its calls are signed
 * ({@link io.hookbot.channel.HmacSignature}); its replies are signed the same way. Depends on {@code channel} and
 * {@code api}.
 */
package io.hookbot.channel.echochat;
