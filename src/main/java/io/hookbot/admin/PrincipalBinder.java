package io.hookbot.admin;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.security.Principal;
import java.util.Optional;

/**
 * Binds a route's {@link Principal} argument to the one {@link AccessFilter} set on the request, or to {@code null}.
 * Micronaut's health endpoint takes one to decide whether to show details ({@code details-visible: AUTHENTICATED});
 * without micronaut-security nothing binds that argument (micronaut-security's own {@code PrincipalArgumentBinder}
 * is this same lookup), and the details would never show.
 */
@Singleton
public class PrincipalBinder implements TypedRequestArgumentBinder<Principal> {

    @Override
    public Argument<Principal> argumentType() {
        return Argument.of(Principal.class);
    }

    @Override
    public BindingResult<Principal> bind(ArgumentConversionContext<Principal> context, HttpRequest<?> source) {
        Optional<Principal> principal = source.getUserPrincipal();
        return principal.isPresent() ? () -> principal : BindingResult.empty();
    }
}
