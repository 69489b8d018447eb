package dev.vantage.scan.internal;

import org.jspecify.annotations.Nullable;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;

/**
 * The few Linux socket calls the native lanes need (socket, connect, close, setsockopt,
 * getsockname, recv, sendmmsg, recvmmsg, epoll), made through the Java 22+ foreign-function API.
 *
 * <p>Why not NIO: a refused connect costs NIO seven system calls and an exception (socket, two
 * fcntl, connect, poll, getsockopt, close), and NIO closes a channel whose connect failed. The
 * kernel itself lets a socket whose connect was refused connect again, so a socket here is reused
 * from port to port, and asking {@code connect} a second time both reports the answer and readies
 * the socket for the next port: two system calls per closed port, no allocation, no exception.
 * On loopback, where every port is a round trip through the kernel, that halves the scan's time.
 *
 * <p>Why through reflection: the project compiles for Java 21, where this API is a preview, so no
 * type of {@code java.lang.foreign} may appear in the source. Every handle is built once from its
 * names; the memory it reads and writes is direct {@link ByteBuffer}s, passed by native address.
 * On Java 21, on other systems, or when native access is not enabled
 * ({@code --enable-native-access=ALL-UNNAMED}, which the launcher passes), {@link #load} returns
 * empty and the scanner uses NIO.
 *
 * <p>Why one signature for every function: the JVM generates a downcall stub per distinct function
 * descriptor, a few milliseconds of class spinning each, paid at every start of a command that
 * often runs under a second. So every function is linked as {@code long f(long, long, long, long,
 * long, long)}: one stub serves them all. That is sound on the two ABIs this runs on (x86-64
 * System V, AArch64): integer and pointer arguments travel in 64-bit registers, a callee reads only
 * the width it declares and never looks at registers beyond its own parameters, and an
 * {@code int} result is the low half of the result register, which {@link Call#asInt} keeps.
 *
 * <p>Results follow one rule: a non-negative value is the call's result, a negative one is
 * {@code -errno}. The errno numbers are Linux's generic ones (x86-64 and AArch64 share them).
 */
final class LinuxSockets {
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int ENFILE = 23;
    static final int EMFILE = 24;
    static final int EADDRINUSE = 98;
    static final int EADDRNOTAVAIL = 99;
    static final int ENETUNREACH = 101;
    static final int ECONNRESET = 104;
    static final int ENOBUFS = 105;
    static final int EISCONN = 106;
    static final int ECONNREFUSED = 111;
    static final int EHOSTUNREACH = 113;
    static final int EALREADY = 114;
    static final int EINPROGRESS = 115;

    static final int EPOLLIN = 0x001;
    static final int EPOLLOUT = 0x004;
    static final int EPOLLRDHUP = 0x2000;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_MOD = 3;

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_RAW = 3;
    private static final int IPPROTO_TCP = 6;
    private static final int IPPROTO_ICMP = 1;
    static final int SO_RCVBUFFORCE = 33;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int EPOLL_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    private static final int SO_LINGER = 13;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int SOCKADDR_SIZE = 28;   // sockaddr_in6; sockaddr_in uses the first 16

    private static final @Nullable LinuxSockets INSTANCE = loadOrNull();

    /** How the calls were linked, and why not when they were not (for the scan's diagnostics). */
    private static String status = "not tried";

    private final Method ofBuffer;
    private final Method segmentAddress;
    private final int captureSize;
    private final int errnoOffset;
    private final int epollEventSize;
    /** Each {@code (MemorySegment errnoState, long × 6) -> long}: see the class comment. */
    private final MethodHandle socket;
    private final MethodHandle connect;
    private final MethodHandle close;
    private final MethodHandle setsockopt;
    private final MethodHandle getsockname;
    private final MethodHandle recv;
    private final MethodHandle sendmmsg;
    private final MethodHandle recvmmsg;
    private final MethodHandle epollCreate;
    private final MethodHandle epollCtl;
    private final MethodHandle epollWait;

    /** The calls, if this JVM and system can make them. */
    static Optional<LinuxSockets> load() {
        return Optional.ofNullable(INSTANCE);
    }

    static String status() {
        return status;
    }

    private static @Nullable LinuxSockets loadOrNull() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.equals("linux")) return unavailable("not Linux");
        // Only these two: the shared call signature below relies on their calling conventions.
        if (!arch.equals("amd64") && !arch.equals("x86_64") && !arch.equals("aarch64")) return unavailable("architecture " + arch);
        if (Runtime.version().feature() < 22) return unavailable("Java " + Runtime.version().feature() + " has no final foreign-function API");
        try {
            Method enabled = Module.class.getMethod("isNativeAccessEnabled");
            if (!(boolean) enabled.invoke(LinuxSockets.class.getModule())) {
                return unavailable("native access is not enabled (--enable-native-access=ALL-UNNAMED)");
            }
            LinuxSockets s = new LinuxSockets(arch.equals("aarch64") ? 16 : 12);
            status = "linked";
            return s;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return unavailable("cannot link: " + e);
        }
    }

    private static @Nullable LinuxSockets unavailable(String why) {
        status = why;
        return null;
    }

    private LinuxSockets(int epollEventSize) throws ReflectiveOperationException {
        this.epollEventSize = epollEventSize;   // x86-64 packs struct epoll_event (12 bytes), AArch64 pads it (16)
        Class<?> linkerC = Class.forName("java.lang.foreign.Linker");
        Class<?> optionC = Class.forName("java.lang.foreign.Linker$Option");
        Class<?> segmentC = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> layoutC = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> pathC = Class.forName("java.lang.foreign.MemoryLayout$PathElement");
        Class<?> valueC = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> descC = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> lookupC = Class.forName("java.lang.foreign.SymbolLookup");

        Object linker = linkerC.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerC.getMethod("defaultLookup").invoke(linker);
        Method find = lookupC.getMethod("find", String.class);
        Method downcallHandle = linkerC.getMethod("downcallHandle", segmentC, descC, optionC.arrayType());
        ofBuffer = segmentC.getMethod("ofBuffer", java.nio.Buffer.class);
        segmentAddress = segmentC.getMethod("address");
        Object captureOption = optionC.getMethod("captureCallState", String[].class).invoke(null, (Object) new String[] {"errno"});
        Object options = java.lang.reflect.Array.newInstance(optionC, 1);
        java.lang.reflect.Array.set(options, 0, captureOption);
        Object stateLayout = optionC.getMethod("captureStateLayout").invoke(null);
        captureSize = (int) (long) layoutC.getMethod("byteSize").invoke(stateLayout);
        Object errnoPath = java.lang.reflect.Array.newInstance(pathC, 1);
        java.lang.reflect.Array.set(errnoPath, 0, pathC.getMethod("groupElement", String.class).invoke(null, "errno"));
        errnoOffset = (int) (long) layoutC.getMethod("byteOffset", pathC.arrayType()).invoke(stateLayout, errnoPath);

        Object l = valueC.getField("JAVA_LONG").get(null);
        Object six = java.lang.reflect.Array.newInstance(layoutC, 6);
        for (int k = 0; k < 6; k++) java.lang.reflect.Array.set(six, k, l);
        Object desc = descC.getMethod("of", layoutC, layoutC.arrayType()).invoke(null, l, six);   // long f(long × 6)
        Link link = name -> {
            Object symbol = ((Optional<?>) find.invoke(lookup, name)).orElseThrow(() -> new NoSuchMethodException(name));
            return (MethodHandle) downcallHandle.invoke(linker, symbol, desc, options);
        };
        socket = link.make("socket");
        connect = link.make("connect");
        close = link.make("close");
        setsockopt = link.make("setsockopt");
        getsockname = link.make("getsockname");
        recv = link.make("recv");
        sendmmsg = link.make("sendmmsg");
        recvmmsg = link.make("recvmmsg");
        epollCreate = link.make("epoll_create1");
        epollCtl = link.make("epoll_ctl");
        epollWait = link.make("epoll_wait");
    }

    @FunctionalInterface
    private interface Link {
        MethodHandle make(String name) throws ReflectiveOperationException;
    }

    /** The native address of a direct buffer. */
    private long addressOf(ByteBuffer direct) throws ReflectiveOperationException {
        return (long) segmentAddress.invoke(ofBuffer.invoke(null, direct));
    }

    /**
     * Where one thread's calls leave errno: a small buffer bound into every handle it calls
     * through. The handles then take and return only longs, so calls need no reflection.
     */
    private final class Call {
        private final ByteBuffer state = direct(captureSize);
        private final Object segment;

        Call() throws ReflectiveOperationException {
            segment = ofBuffer.invoke(null, state);
        }

        /** {@code function} with this errno buffer bound: {@code (long × 6) -> long}. */
        MethodHandle bound(MethodHandle function) {
            return MethodHandles.insertArguments(function, 0, segment);
        }

        /** An int-returning call's result (the low half of the register), or -errno. */
        int asInt(long raw) {
            int r = (int) raw;
            return r >= 0 ? r : -errno();
        }

        /** An ssize_t-returning call's result, or -errno. */
        long asLong(long raw) {
            return raw >= 0 ? raw : -errno();
        }

        private int errno() {
            return state.getInt(errnoOffset);
        }
    }

    /** The calls with one thread's buffers. Not thread-safe: one per lane. */
    Session session(int maxEvents) {
        try {
            return new Session(maxEvents);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot prepare native socket calls", e);
        }
    }

    final class Session implements AutoCloseable {
        private final Call call = new Call();
        private final ByteBuffer address = direct(SOCKADDR_SIZE);
        private final ByteBuffer local = direct(SOCKADDR_SIZE);
        private final ByteBuffer localLength = direct(4);
        private final ByteBuffer linger = direct(8);
        private final ByteBuffer scratch = direct(512);
        private final ByteBuffer event = direct(16);
        private final ByteBuffer intOption = direct(4);
        private final ByteBuffer events;
        private final long addressAt;
        private final long localAt;
        private final long localLengthAt;
        private final long lingerAt;
        private final long scratchAt;
        private final long eventAt;
        private final long intOptionAt;
        private final long eventsAt;
        private final int maxEvents;
        private final MethodHandle socketH;
        private final MethodHandle connectH;
        private final MethodHandle closeH;
        private final MethodHandle setsockoptH;
        private final MethodHandle getsocknameH;
        private final MethodHandle recvH;
        private final MethodHandle epollCtlH;
        private final MethodHandle epollWaitH;
        private final int epfd;
        private @Nullable InetAddress addressFor;

        private Session(int maxEvents) throws ReflectiveOperationException {
            this.maxEvents = maxEvents;
            this.events = direct(maxEvents * epollEventSize);
            addressAt = addressOf(address);
            localAt = addressOf(local);
            localLengthAt = addressOf(localLength);
            lingerAt = addressOf(linger);
            scratchAt = addressOf(scratch);
            eventAt = addressOf(event);
            intOptionAt = addressOf(intOption);
            eventsAt = addressOf(events);
            linger.putInt(0, 1).putInt(4, 0);                                    // l_onoff = 1, l_linger = 0
            socketH = call.bound(socket);
            connectH = call.bound(connect);
            closeH = call.bound(close);
            setsockoptH = call.bound(setsockopt);
            getsocknameH = call.bound(getsockname);
            recvH = call.bound(recv);
            epollCtlH = call.bound(epollCtl);
            epollWaitH = call.bound(epollWait);
            int fd;
            try {
                fd = call.asInt((long) call.bound(epollCreate).invokeExact((long) EPOLL_CLOEXEC, 0L, 0L, 0L, 0L, 0L));
            } catch (Throwable t) {
                throw rethrow(t);
            }
            if (fd < 0) throw new IllegalStateException("epoll_create1 failed: errno " + -fd);
            this.epfd = fd;
        }

        /** A new non-blocking TCP socket, or -errno. */
        int socket(boolean ipv6) {
            return newSocket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
        }

        private int newSocket(int family, int type, int protocol) {
            try {
                return call.asInt((long) socketH.invokeExact((long) family, (long) (type | SOCK_NONBLOCK | SOCK_CLOEXEC), (long) protocol, 0L, 0L, 0L));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** Starts (or, called again, asks about) a connection: 0, or -errno (-EINPROGRESS, -EALREADY, -EISCONN, ...). */
        int connect(int fd, InetAddress target, int port) {
            int length = fill(target, port);
            try {
                return call.asInt((long) connectH.invokeExact((long) fd, addressAt, (long) length, 0L, 0L, 0L));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        private int fill(InetAddress target, int port) {
            boolean v4 = target instanceof Inet4Address;
            if (target != addressFor) {
                address.clear();
                for (int k = 0; k < SOCKADDR_SIZE; k++) address.put(k, (byte) 0);
                address.order(ByteOrder.nativeOrder()).putShort(0, (short) (v4 ? AF_INET : AF_INET6));
                byte[] raw = target.getAddress();
                int at = v4 ? 4 : 8;   // sin_addr; sin6_flowinfo comes first in sockaddr_in6
                for (int k = 0; k < raw.length; k++) address.put(at + k, raw[k]);
                if (!v4) address.order(ByteOrder.nativeOrder()).putInt(24, ((java.net.Inet6Address) target).getScopeId());
                addressFor = target;
            }
            address.put(2, (byte) (port >>> 8)).put(3, (byte) port);   // network byte order
            return v4 ? 16 : 28;
        }

        int close(int fd) {
            try {
                return call.asInt((long) closeH.invokeExact((long) fd, 0L, 0L, 0L, 0L, 0L));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** SO_LINGER 0: the close that follows sends a reset and leaves no TIME_WAIT behind. */
        void lingerZero(int fd) {
            setsockopt(fd, SOL_SOCKET, SO_LINGER, lingerAt, 8);   // best effort, as with NIO
        }

        /** setsockopt with an int value: 0 or -errno. */
        int setInt(int fd, int level, int option, int value) {
            intOption.putInt(0, value);
            return setsockopt(fd, level, option, intOptionAt, 4);
        }

        private int setsockopt(int fd, int level, int option, long value, int length) {
            try {
                return call.asInt((long) setsockoptH.invokeExact((long) fd, (long) level, (long) option, value, (long) length, 0L));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /**
         * Whether the socket is connected to itself: its own address and port are the target's
         * (Linux's "simultaneous open" when a loopback connect picks the target port as its source).
         */
        boolean isSelfConnected(int fd, InetAddress target, int port) {
            localLength.putInt(0, SOCKADDR_SIZE);
            try {
                if (call.asInt((long) getsocknameH.invokeExact((long) fd, localAt, localLengthAt, 0L, 0L, 0L)) < 0) return false;
            } catch (Throwable t) {
                throw rethrow(t);
            }
            if ((((local.get(2) & 0xff) << 8) | (local.get(3) & 0xff)) != port) return false;
            byte[] raw = target.getAddress();
            int at = target instanceof Inet4Address ? 4 : 8;
            for (int k = 0; k < raw.length; k++) if (local.get(at + k) != raw[k]) return false;
            return true;
        }

        /** Reads without waiting: bytes read (0 at end of stream) or -errno (-EAGAIN when nothing is there). */
        int recv(int fd) {
            try {
                return (int) call.asLong((long) recvH.invokeExact((long) fd, scratchAt, (long) scratch.capacity(), (long) MSG_DONTWAIT, 0L, 0L));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** A new non-blocking raw IPv4 socket for TCP segments (root only), or -errno (-EPERM without the capability). */
        int rawTcpSocket() {
            return newSocket(AF_INET, SOCK_RAW, IPPROTO_TCP);
        }

        /** A new non-blocking raw IPv4 socket that receives every ICMP message (root only), or -errno. */
        int rawIcmpSocket() {
            return newSocket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
        }

        int watch(int fd, int mask) {
            return ctl(EPOLL_CTL_ADD, fd, mask);
        }

        int rewatch(int fd, int mask) {
            return ctl(EPOLL_CTL_MOD, fd, mask);
        }

        private int ctl(int op, int fd, int mask) {
            event.order(ByteOrder.nativeOrder()).putInt(0, mask).putLong(epollEventSize == 12 ? 4 : 8, fd);
            try {
                return call.asInt((long) epollCtlH.invokeExact((long) epfd, (long) op, (long) fd, eventAt, 0L, 0L));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** Waits up to {@code timeoutMillis} (0: just look) and returns how many events are ready, or -errno. */
        int poll(int timeoutMillis) {
            try {
                return call.asInt((long) epollWaitH.invokeExact((long) epfd, eventsAt, (long) maxEvents, (long) timeoutMillis, 0L, 0L));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        int eventFd(int i) {
            return (int) events.order(ByteOrder.nativeOrder()).getLong(i * epollEventSize + (epollEventSize == 12 ? 4 : 8));
        }

        @Override
        public void close() {
            close(epfd);
        }
    }

    /**
     * sendmmsg and recvmmsg on a raw socket, {@code size} datagrams per system call, and a classic
     * BPF filter so the socket only queues what comes to one TCP port. Not thread-safe.
     */
    Batch batch(int size) {
        try {
            return new Batch(size);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot prepare batched raw calls", e);
        }
    }

    private static final int SEND_SLOT = 64;
    private static final int RECEIVE_SLOT = 128;
    private static final int MMSGHDR = 64;
    private static final int SO_ATTACH_FILTER = 26;

    final class Batch {
        final int size;
        private final Call call = new Call();
        private final ByteBuffer sendVec;
        private final ByteBuffer sendIov;
        private final ByteBuffer sendData;
        private final ByteBuffer sendNames;
        private final ByteBuffer recvVec;
        private final ByteBuffer recvIov;
        private final ByteBuffer recvData;
        private final ByteBuffer filter = direct(8 * 8);
        private final ByteBuffer program = direct(16);
        private final long sendVecAt;
        private final long recvVecAt;
        private final long programAt;
        private final MethodHandle sendH;
        private final MethodHandle recvH;
        private final MethodHandle setsockoptH;

        private Batch(int size) throws ReflectiveOperationException {
            this.size = size;
            sendVec = direct(size * MMSGHDR);
            sendIov = direct(size * 16);
            sendData = direct(size * SEND_SLOT);
            sendNames = direct(size * 16);
            recvVec = direct(size * MMSGHDR);
            recvIov = direct(size * 16);
            recvData = direct(size * RECEIVE_SLOT);
            long sd = addressOf(sendData), si = addressOf(sendIov), sn = addressOf(sendNames);
            long rd = addressOf(recvData), ri = addressOf(recvIov);
            for (int k = 0; k < size; k++) {
                sendIov.putLong(k * 16, sd + (long) k * SEND_SLOT);
                sendVec.putLong(k * MMSGHDR, sn + k * 16L).putInt(k * MMSGHDR + 8, 16)
                        .putLong(k * MMSGHDR + 16, si + k * 16L).putLong(k * MMSGHDR + 24, 1);
                recvIov.putLong(k * 16, rd + (long) k * RECEIVE_SLOT).putLong(k * 16 + 8, RECEIVE_SLOT);
                recvVec.putLong(k * MMSGHDR + 16, ri + k * 16L).putLong(k * MMSGHDR + 24, 1);
            }
            sendVecAt = addressOf(sendVec);
            recvVecAt = addressOf(recvVec);
            programAt = addressOf(program);
            program.putLong(8, addressOf(filter));
            sendH = call.bound(sendmmsg);
            recvH = call.bound(recvmmsg);
            setsockoptH = call.bound(setsockopt);
        }

        /** Slot {@code k} of the send buffers: the caller writes a TCP segment of {@code length} bytes there. */
        ByteBuffer sendSlot(int k) {
            return sendData.slice(k * SEND_SLOT, SEND_SLOT).order(java.nio.ByteOrder.BIG_ENDIAN);
        }

        /** Sets datagram {@code k}'s destination (IPv4) and length. */
        void address(int k, byte[] ipv4, int length) {
            int at = k * 16;
            sendNames.order(ByteOrder.nativeOrder()).putShort(at, (short) AF_INET);
            sendNames.put(at + 2, (byte) 0).put(at + 3, (byte) 0);
            for (int j = 0; j < 4; j++) sendNames.put(at + 4 + j, ipv4[j]);
            sendIov.putLong(k * 16 + 8, length);
        }

        /** Sends datagrams {@code from..from+count-1}: how many went, or -errno. */
        int send(int fd, int from, int count) {
            if (from != 0) throw new IllegalArgumentException("batches start at slot 0");
            try {
                return call.asInt((long) sendH.invokeExact((long) fd, sendVecAt, (long) count, 0L, 0L, 0L));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** Reads up to {@link #size} datagrams without waiting: how many, or -errno (-EAGAIN when none). */
        int receive(int fd) {
            try {   // no timeout (a null pointer): MSG_DONTWAIT already returns at once
                return call.asInt((long) recvH.invokeExact((long) fd, recvVecAt, (long) size, (long) MSG_DONTWAIT, 0L, 0L));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        int receivedLength(int k) {
            return Math.min(recvVec.getInt(k * MMSGHDR + 56), RECEIVE_SLOT);
        }

        /** Datagram {@code k} from the last {@link #receive}, IPv4 header first, big-endian. */
        ByteBuffer received(int k) {
            return recvData.slice(k * RECEIVE_SLOT, RECEIVE_SLOT).order(java.nio.ByteOrder.BIG_ENDIAN);
        }

        /**
         * Lets the raw socket queue only IPv4 TCP segments to {@code port}: everything else (our own
         * SYNs looped back, other traffic) is dropped in the kernel instead of costing a read each.
         */
        int onlyToPort(int fd, int port) {
            int n = 0;
            n = op(n, 0xb1, 0, 0, 0);          // ldx 4*([0]&0xf): IP header length
            n = op(n, 0x48, 0, 0, 2);          // ldh [x+2]: TCP destination port
            n = op(n, 0x15, 0, 1, port);       // jeq port ? next : drop
            n = op(n, 0x06, 0, 0, 0xffff);     // ret whole packet
            n = op(n, 0x06, 0, 0, 0);          // ret 0: drop
            program.order(ByteOrder.nativeOrder()).putShort(0, (short) n);
            try {
                return call.asInt((long) setsockoptH.invokeExact((long) fd, (long) SOL_SOCKET, (long) SO_ATTACH_FILTER, programAt, 16L, 0L));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        private int op(int n, int code, int jt, int jf, int k) {
            filter.order(ByteOrder.nativeOrder()).putShort(n * 8, (short) code).put(n * 8 + 2, (byte) jt).put(n * 8 + 3, (byte) jf).putInt(n * 8 + 4, k);
            return n + 1;
        }
    }

    private static ByteBuffer direct(int size) {
        return ByteBuffer.allocateDirect(Math.max(8, size)).order(ByteOrder.nativeOrder());
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
