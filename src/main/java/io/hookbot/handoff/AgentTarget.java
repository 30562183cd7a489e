package io.hookbot.handoff;

/**
 * Where a conversation in human mode forwards the customer's messages: a configured channel and an address in its
 * platform's terms (a phone number on {@code sms-gateway}, a user id on {@code mqtt-chat}, …).
 *
 * @param channel the channel
 * @param address the agent's address on it
 */
public record AgentTarget(String channel, String address) {

    /**
     * @param channel a channel, or {@code null}
     * @param address an address, or {@code null}
     * @return the target, or {@code null} when either is missing
     */
    public static AgentTarget of(String channel, String address) {
        return channel == null || channel.isBlank() || address == null || address.isBlank() ? null
                : new AgentTarget(channel, address);
    }

    @Override
    public String toString() {
        return channel;
    }
}
