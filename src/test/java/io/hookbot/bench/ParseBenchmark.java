package io.hookbot.bench;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.HttpClients;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import io.hookbot.channel.smsgateway.SmsGatewayPlatform;
import io.hookbot.channel.webinato.WebinatoPlatform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.RunnerException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What reading a webhook costs, checks included: an SMS form (the load harness's) and a Webinato batch of 200
 * messages, each through its platform's {@code read} (credentials, decoding, every field's type and text checks,
 * the events). Written against the API both the code before and after the edge checks have, so the same file
 * measures both (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBenchmark {

    private SmsGatewayPlatform sms;
    private WebinatoPlatform webinato;
    private ChannelConfig smsChannel;
    private ChannelConfig room;
    private WebhookRequest smsForm;
    private WebhookRequest batch;

    /**
     * @param args none
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        ShortRun.of(ParseBenchmark.class);
    }

    @Setup
    public void setUp() {
        sms = new SmsGatewayPlatform(new HttpClients());
        webinato = new WebinatoPlatform();
        smsChannel = new ChannelConfig("load", "sms-gateway", Map.of("secret", "load-secret"));
        room = new ChannelConfig("room", "webinato", Map.of("token", "load-token"));
        smsForm = new WebhookRequest("application/x-www-form-urlencoded", ("secret=load-secret&type=sms"
                + "&data[id]=123456789&data[device]=load-device&data[sim]=1&data[phone]=%2B63900123"
                + "&data[message]=t123456789").getBytes(StandardCharsets.UTF_8), Map.of());
        StringBuilder messages = new StringBuilder();
        for (int e = 0; e < 200; e++) {
            messages.append(e == 0 ? "" : ",").append("{\"authorName\":\"Ann ").append(e % 7)
                    .append("\",\"authorRole\":1,\"ts\":").append(1_700_000_000L).append(",\"msgID\":").append(e + 1)
                    .append(",\"text\":\"question r0-0-").append(e).append("\"}");
        }
        batch = new WebhookRequest("application/x-www-form-urlencoded", ("inquiry=realTimeChat&roomID=1"
                + "&sender=Webinato&batchNo=1&msgsJSON=" + URLEncoder.encode("[" + messages + "]",
                StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8), Map.of("token", "load-token"));
    }

    @Benchmark
    public List<InboundEvent> smsForm() throws WebhookRejection {
        return sms.read(smsChannel, smsForm);
    }

    @Benchmark
    public List<InboundEvent> webinatoBatchOf200() throws WebhookRejection {
        return webinato.read(room, batch);
    }
}
