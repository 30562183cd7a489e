package io.hookbot.channel;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfiguration;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.inject.BeanDefinitionReference;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The registered platforms, by id: every {@link Platform} bean, and nothing else. It is the one list that every
 * part naming platforms derives from: the channels' {@code platform} setting ({@link ChannelRegistry}), a rule's
 * {@code platform:} condition and its {@code reply} check, the command line's {@code replay}. A platform is added
 * by adding its folder with its bean; nothing here or elsewhere lists them.
 *
 * <p>In the application this is a bean made of the platform beans. The command line, which starts neither the
 * application nor its database, gets the same beans from a context of its own ({@link #withoutApplication}).
 */
@Singleton
public final class Platforms {

    private static volatile Platforms onClassPath;

    private final Map<String, Platform> byId;

    /**
     * @param platforms the platforms
     * @throws IllegalStateException if two have one id
     */
    @Inject
    public Platforms(Collection<Platform> platforms) {
        Map<String, Platform> ids = new TreeMap<>();
        for (Platform platform : platforms) {
            Platform other = ids.putIfAbsent(platform.id(), platform);
            if (other != null) {
                throw new IllegalStateException("two platforms have the id '" + platform.id() + "': "
                        + other.getClass().getName() + " and " + platform.getClass().getName());
            }
        }
        this.byId = ids;
    }

    /**
     * The platform beans, made without the application: a context of the same configuration that makes only what
     * is asked of it. None of the application's eager beans is made (the channel registry, the senders, the rule
     * book, the startup check, the database), nor any event listener (the orderly shutdown, which would make the
     * workers); a platform bean is, even an eager one, with what it needs. The context is closed before this
     * returns: the platforms are for reading webhooks and saying what they are, never for sending.
     *
     * <p>Why Micronaut's beans and not {@link java.util.ServiceLoader}: a service file lists its implementations
     * outside their folder, and the platforms are beans with dependencies already; this way the command line sees
     * exactly the platforms the server would, including those a configuration's {@code @Requires} turns on.
     *
     * @param configuration sets up the context's configuration as the application's would be (the command line's,
     *                      with its {@code --config} file)
     * @return the platforms
     */
    public static Platforms withoutApplication(Consumer<ApplicationContextBuilder> configuration) {
        PlatformsOnlyBuilder builder = new PlatformsOnlyBuilder();
        configuration.accept(builder);
        try (ApplicationContext context = builder.build()) {
            context.start();
            return new Platforms(context.getBeansOfType(Platform.class));
        }
    }

    /**
     * @return the platforms of the default configuration, made once ({@link #withoutApplication}): for what reads
     *         rule files with neither the application nor the command line's configuration (tests, benchmarks)
     */
    public static Platforms onClassPath() {
        Platforms found = onClassPath;
        if (found == null) {
            synchronized (Platforms.class) {
                found = onClassPath;
                if (found == null) {
                    found = withoutApplication(builder -> builder.banner(false).deduceEnvironment(false));
                    onClassPath = found;
                }
            }
        }
        return found;
    }

    /**
     * @param id a platform id
     * @return the platform, if there is one with that id
     */
    public Optional<Platform> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** @return every platform id, in order */
    public Set<String> ids() {
        return java.util.Collections.unmodifiableSet(byId.keySet());
    }

    /** @return every platform, in the order of their ids */
    public List<Platform> all() {
        return List.copyOf(byId.values());
    }

    /**
     * @param id a platform id
     * @return whether it is a platform whose messages cannot be answered in their conversation
     *         ({@link Platform#repliesInConversation()}); {@code false} for an id that is no platform's
     */
    public boolean cannotReplyInConversation(String id) {
        return find(id).map(platform -> !platform.repliesInConversation()).orElse(false);
    }

    /** Builds a {@link PlatformsOnly} context, with the configuration given to the builder. */
    private static final class PlatformsOnlyBuilder extends DefaultApplicationContextBuilder {

        @Override
        protected ApplicationContext newApplicationContext() {
            return new PlatformsOnly(this);
        }
    }

    /** A context that makes beans on demand only, and no event listener: see {@link #withoutApplication}. */
    private static final class PlatformsOnly extends DefaultApplicationContext {

        PlatformsOnly(ApplicationContextConfiguration configuration) {
            super(configuration);
        }

        @Override
        protected List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
            return super.resolveBeanDefinitionReferences().stream().filter(PlatformsOnly::wanted).toList();
        }

        private static boolean wanted(BeanDefinitionReference<?> bean) {
            Class<?> type = bean.getBeanType();
            return Platform.class.isAssignableFrom(type)
                    || !bean.isContextScope() && !ApplicationEventListener.class.isAssignableFrom(type);
        }
    }
}
