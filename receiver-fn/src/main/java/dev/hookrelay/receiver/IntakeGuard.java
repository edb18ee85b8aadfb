package dev.hookrelay.receiver;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's gate in front of Micronaut, between the HTTP codec and the router. It
 * decides on each request from its headers ({@link IntakePolicy}) and answers a refused one
 * itself, dropping its body as it arrives and closing the connection after it: Micronaut
 * never sees, buffers or routes it, so no framework 404 can meet a late body
 * (micronaut-core#12940). A delivery body holds one of a bounded number of permits while it
 * arrives, and any body must arrive within the body timeout or the connection is closed.
 */
final class IntakeGuard extends ChannelDuplexHandler {
    static final String NAME = "hookrelay-intake-guard";

    private enum State { IDLE, FORWARDING, DISCARDING }

    private final IntakeGate gate;
    private State state = State.IDLE;
    private boolean holdsPermit;
    private ScheduledFuture<?> bodyDeadline;
    /** Requests handed to Micronaut whose response has not been written yet. */
    private int unanswered;
    /** A refusal that waits for the responses to earlier (pipelined) requests, so that answers stay in order. */
    private FullHttpResponse deferredRefusal;
    private boolean bodyDiscarded;

    IntakeGuard(IntakeGate gate) {
        this.gate = gate;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.DISCARDING) {
            discard(ctx, msg);
        } else if (msg instanceof HttpRequest request) {
            onRequest(ctx, request); // the codec sends the body, or an empty last part, separately
        } else if (msg instanceof HttpContent content) {
            onContent(ctx, content);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void onRequest(ChannelHandlerContext ctx, HttpRequest request) {
        boolean hasBody = IntakePolicy.hasBody(request);
        IntakeDecision decision = request.decoderResult().isFailure()
                ? IntakeDecision.PASS // Micronaut answers 400 for what the codec could not parse
                : gate.policy().decide(request, localPort(ctx));
        if (decision == IntakeDecision.DELIVERY && hasBody) {
            holdsPermit = gate.tryAcquireBody();
            decision = holdsPermit ? decision : IntakeDecision.BUSY;
        }
        if (hasBody) {
            bodyDeadline = ctx.executor().schedule(() -> bodyTimedOut(ctx), gate.bodyTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (decision == IntakeDecision.DELIVERY || decision == IntakeDecision.PASS) {
            state = State.FORWARDING;
            unanswered++;
            ctx.fireChannelRead(request);
        } else {
            state = State.DISCARDING;
            refuse(ctx, gate.refusal(decision));
        }
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        ctx.fireChannelRead(content);
        if (content instanceof LastHttpContent) {
            endBody();
            state = State.IDLE;
        }
    }

    private void discard(ChannelHandlerContext ctx, Object msg) {
        boolean last = msg instanceof LastHttpContent;
        ReferenceCountUtil.release(msg);
        if (last && !bodyDiscarded) {
            bodyDiscarded = true;
            endBody();
            closeWhenAnswered(ctx);
        }
    }

    private void refuse(ChannelHandlerContext ctx, FullHttpResponse refusal) {
        if (unanswered > 0) {
            deferredRefusal = refusal;
        } else {
            ctx.writeAndFlush(refusal);
        }
    }

    private void closeWhenAnswered(ChannelHandlerContext ctx) {
        if (deferredRefusal == null) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean endsResponse = msg instanceof LastHttpContent
                && !(msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL);
        ctx.write(msg, promise);
        if (endsResponse && --unanswered == 0 && deferredRefusal != null) {
            FullHttpResponse refusal = deferredRefusal;
            deferredRefusal = null;
            ChannelFuture written = ctx.writeAndFlush(refusal);
            if (bodyDiscarded) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    private void bodyTimedOut(ChannelHandlerContext ctx) {
        gate.bodyTimedOut();
        ctx.close();
    }

    private void endBody() {
        if (bodyDeadline != null) {
            bodyDeadline.cancel(false);
            bodyDeadline = null;
        }
        if (holdsPermit) {
            holdsPermit = false;
            gate.releaseBody();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        endBody();
        if (deferredRefusal != null) {
            deferredRefusal.release();
            deferredRefusal = null;
        }
        ctx.fireChannelInactive();
    }

    private static int localPort(ChannelHandlerContext ctx) {
        return ctx.channel().localAddress() instanceof InetSocketAddress address ? address.getPort() : -1;
    }

    /** A complete answer that also ends the connection. */
    static FullHttpResponse response(HttpResponseStatus status, byte[] json) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(json));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, json.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }
}
