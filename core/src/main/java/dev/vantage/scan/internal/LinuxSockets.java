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
 * The few Linux socket calls the native lane needs (socket, connect, close, setsockopt,
 * getsockname, recv, epoll), made through the Java 22+ foreign-function API.
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
 * names; the memory it reads and writes is direct {@link ByteBuffer}s, and each per-lane handle has
 * its buffers bound in, so calls take and return only ints and longs (and need no reflection).
 * On Java 21, on other systems, or when native access is not enabled
 * ({@code --enable-native-access=ALL-UNNAMED}, which the launcher passes), {@link #load} returns
 * empty and the scanner uses NIO.
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
    static final int EPOLLERR = 0x008;
    static final int EPOLLHUP = 0x010;
    static final int EPOLLRDHUP = 0x2000;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    private static final int EPOLL_CTL_MOD = 3;

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_RAW = 3;
    private static final int IPPROTO_TCP = 6;
    private static final int IPPROTO_ICMP = 1;
    static final int SO_RCVBUFFORCE = 33;
    static final int SO_SNDBUFFORCE = 32;
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

    private final Object linker;
    private final Method downcallHandle;
    private final Method ofBuffer;
    private final Object captureOption;
    private final Object optionArray;
    private final int captureSize;
    private final int errnoOffset;
    private final int epollEventSize;
    private final MethodHandle socket;
    private final MethodHandle connect;
    private final MethodHandle close;
    private final MethodHandle setsockopt;
    private final MethodHandle getsockname;
    private final MethodHandle recv;
    private final MethodHandle sendto;
    private final MethodHandle sendmmsg;
    private final MethodHandle recvmmsg;
    private final Method segmentAddress;
    private final Object nullSegment;
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

        linker = linkerC.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerC.getMethod("defaultLookup").invoke(linker);
        Method find = lookupC.getMethod("find", String.class);
        downcallHandle = linkerC.getMethod("downcallHandle", segmentC, descC, optionC.arrayType());
        ofBuffer = segmentC.getMethod("ofBuffer", java.nio.Buffer.class);
        captureOption = optionC.getMethod("captureCallState", String[].class).invoke(null, (Object) new String[] {"errno"});
        optionArray = java.lang.reflect.Array.newInstance(optionC, 1);
        java.lang.reflect.Array.set(optionArray, 0, captureOption);
        Object stateLayout = optionC.getMethod("captureStateLayout").invoke(null);
        captureSize = (int) (long) layoutC.getMethod("byteSize").invoke(stateLayout);
        Object errnoPath = java.lang.reflect.Array.newInstance(pathC, 1);
        java.lang.reflect.Array.set(errnoPath, 0, pathC.getMethod("groupElement", String.class).invoke(null, "errno"));
        errnoOffset = (int) (long) layoutC.getMethod("byteOffset", pathC.arrayType()).invoke(stateLayout, errnoPath);

        Object i = valueC.getField("JAVA_INT").get(null);
        Object l = valueC.getField("JAVA_LONG").get(null);
        Object p = valueC.getField("ADDRESS").get(null);
        Method of = descC.getMethod("of", layoutC, layoutC.arrayType());
        Link link = (name, result, args) -> {
            Object argArray = java.lang.reflect.Array.newInstance(layoutC, args.length);
            for (int k = 0; k < args.length; k++) java.lang.reflect.Array.set(argArray, k, args[k]);
            Object desc = of.invoke(null, result, argArray);
            Object symbol = ((Optional<?>) find.invoke(lookup, name)).orElseThrow(() -> new NoSuchMethodException(name));
            return (MethodHandle) downcallHandle.invoke(linker, symbol, desc, optionArray);
        };
        socket = link.make("socket", i, i, i, i);
        connect = link.make("connect", i, i, p, i);
        close = link.make("close", i, i);
        setsockopt = link.make("setsockopt", i, i, i, i, p, i);
        getsockname = link.make("getsockname", i, i, p, p);
        recv = link.make("recv", l, i, p, l, i);
        sendto = link.make("sendto", l, i, p, l, i, p, i);
        sendmmsg = link.make("sendmmsg", i, i, p, i, i);
        recvmmsg = link.make("recvmmsg", i, i, p, i, i, p);
        segmentAddress = segmentC.getMethod("address");
        nullSegment = segmentC.getField("NULL").get(null);
        epollCreate = link.make("epoll_create1", i, i);
        epollCtl = link.make("epoll_ctl", i, i, i, i, p);
        epollWait = link.make("epoll_wait", i, i, p, i, i);
    }

    @FunctionalInterface
    private interface Link {
        MethodHandle make(String name, Object result, Object... args) throws ReflectiveOperationException;
    }

    /** A native view of a direct buffer, for binding into a handle. */
    private Object segment(ByteBuffer direct) throws ReflectiveOperationException {
        return ofBuffer.invoke(null, direct);
    }

    /** The native address of a direct buffer (for pointers inside structs). */
    private long addressOf(ByteBuffer direct) throws ReflectiveOperationException {
        return (long) segmentAddress.invoke(segment(direct));
    }

    /** The calls with one thread's buffers bound in. Not thread-safe: one per lane. */
    Session session(int maxEvents) {
        try {
            return new Session(maxEvents);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot prepare native socket calls", e);
        }
    }

    final class Session implements AutoCloseable {
        private final ByteBuffer state = direct(captureSize);
        private final ByteBuffer address = direct(SOCKADDR_SIZE);
        private final ByteBuffer local = direct(SOCKADDR_SIZE);
        private final ByteBuffer localLength = direct(4);
        private final ByteBuffer linger = direct(8);
        private final ByteBuffer scratch = direct(512);
        private final ByteBuffer event = direct(16);
        private final ByteBuffer packet = direct(64);
        private final ByteBuffer intOption = direct(4);
        private final ByteBuffer events;
        private final int maxEvents;
        private final MethodHandle socketH;
        private final MethodHandle connectH;
        private final MethodHandle closeH;
        private final MethodHandle lingerH;
        private final MethodHandle getsocknameH;
        private final MethodHandle recvH;
        private final MethodHandle sendtoH;
        private final MethodHandle setIntH;
        private final MethodHandle epollCtlH;
        private final MethodHandle epollWaitH;
        private final int epfd;
        private @Nullable InetAddress addressFor;

        private Session(int maxEvents) throws ReflectiveOperationException {
            this.maxEvents = maxEvents;
            this.events = direct(maxEvents * epollEventSize);
            Object st = segment(state);
            socketH = MethodHandles.insertArguments(socket, 0, st);
            connectH = bind(connect, st, 2, segment(address));                     // (fd, len)
            closeH = MethodHandles.insertArguments(close, 0, st);
            linger.putInt(0, 1).putInt(4, 0);                                    // l_onoff = 1, l_linger = 0
            lingerH = bind(setsockopt, st, 4, segment(linger));                  // (fd, level, option, len)
            getsocknameH = MethodHandles.insertArguments(                       // (fd)
                    MethodHandles.insertArguments(getsockname, 2, segment(local), segment(localLength)), 0, st);
            recvH = bind(recv, st, 2, segment(scratch));                         // (fd, len, flags)
            sendtoH = bind(MethodHandles.insertArguments(sendto, 5, segment(address)), st, 2, segment(packet)); // (fd, len, flags, addrlen)
            setIntH = bind(setsockopt, st, 4, segment(intOption));               // (fd, level, option, len)
            epollCtlH = bind(epollCtl, st, 4, segment(event));                   // (epfd, op, fd)
            epollWaitH = bind(epollWait, st, 2, segment(events));                // (epfd, max, timeout)
            int fd = (int) invoke(MethodHandles.insertArguments(epollCreate, 0, st), EPOLL_CLOEXEC);
            if (fd < 0) throw new IllegalStateException("epoll_create1 failed: errno " + -fd);
            this.epfd = fd;
        }

        /** Binds the capture state at 0 and a buffer at {@code at} (counted in the original parameters). */
        private static MethodHandle bind(MethodHandle h, Object state, int at, Object buffer) {
            return MethodHandles.insertArguments(MethodHandles.insertArguments(h, at, buffer), 0, state);
        }

        private int errno() {
            return state.getInt(errnoOffset);
        }

        private int result(int r) {
            return r >= 0 ? r : -errno();
        }

        /** A new non-blocking TCP socket, or -errno. */
        int socket(boolean ipv6) {
            try {
                return result((int) socketH.invokeExact(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** Starts (or, called again, asks about) a connection: 0, or -errno (-EINPROGRESS, -EALREADY, -EISCONN, ...). */
        int connect(int fd, InetAddress target, int port) {
            int length = fill(target, port);
            try {
                return result((int) connectH.invokeExact(fd, length));
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
                return result((int) closeH.invokeExact(fd));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** SO_LINGER 0: the close that follows sends a reset and leaves no TIME_WAIT behind. */
        void lingerZero(int fd) {
            try {
                int ignored = (int) lingerH.invokeExact(fd, SOL_SOCKET, SO_LINGER, 8);   // best effort, as with NIO
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
                if ((int) getsocknameH.invokeExact(fd) < 0) return false;
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
                return (int) resultLong((long) recvH.invokeExact(fd, (long) scratch.capacity(), MSG_DONTWAIT));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** A new non-blocking raw IPv4 socket for TCP segments (root only), or -errno (-EPERM without the capability). */
        int rawTcpSocket() {
            return rawSocket(IPPROTO_TCP);
        }

        /** A new non-blocking raw IPv4 socket that receives every ICMP message (root only), or -errno. */
        int rawIcmpSocket() {
            return rawSocket(IPPROTO_ICMP);
        }

        private int rawSocket(int protocol) {
            try {
                return result((int) socketH.invokeExact(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** The buffer {@link #sendPacket} sends from: the caller writes a TCP segment at offset 0. */
        ByteBuffer packet() {
            return packet;
        }

        /** What the last {@link #recv} read (valid up to the length it returned). */
        ByteBuffer received() {
            return scratch;
        }

        /** Sends the first {@code length} bytes of {@link #packet} to {@code target} on a raw socket: bytes sent or -errno. */
        int sendPacket(int fd, InetAddress target, int length) {
            int addressLength = fill(target, 0);   // a raw socket ignores the port
            try {
                return (int) resultLong((long) sendtoH.invokeExact(fd, (long) length, 0, addressLength));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** setsockopt with an int value: 0 or -errno. */
        int setInt(int fd, int level, int option, int value) {
            intOption.putInt(0, value);
            try {
                return result((int) setIntH.invokeExact(fd, level, option, 4));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        private long resultLong(long r) {
            return r >= 0 ? r : -errno();
        }

        int watch(int fd, int mask) {
            return ctl(EPOLL_CTL_ADD, fd, mask);
        }

        int rewatch(int fd, int mask) {
            return ctl(EPOLL_CTL_MOD, fd, mask);
        }

        int unwatch(int fd) {
            return ctl(EPOLL_CTL_DEL, fd, 0);
        }

        private int ctl(int op, int fd, int mask) {
            event.order(ByteOrder.nativeOrder()).putInt(0, mask).putLong(epollEventSize == 12 ? 4 : 8, fd);
            try {
                return result((int) epollCtlH.invokeExact(epfd, op, fd));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** Waits up to {@code timeoutMillis} (0: just look) and returns how many events are ready, or -errno. */
        int poll(int timeoutMillis) {
            try {
                return result((int) epollWaitH.invokeExact(epfd, maxEvents, timeoutMillis));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        int eventFd(int i) {
            return (int) events.order(ByteOrder.nativeOrder()).getLong(i * epollEventSize + (epollEventSize == 12 ? 4 : 8));
        }

        int eventMask(int i) {
            return events.order(ByteOrder.nativeOrder()).getInt(i * epollEventSize);
        }

        @Override
        public void close() {
            close(epfd);
        }
    }

    /**
     * PROTOTYPE: sendmmsg and recvmmsg on a raw socket, {@code size} datagrams per system call, and a
     * classic BPF filter so the socket only queues what comes to one TCP port. Not thread-safe.
     */
    Batch batch(int size) {
        try {
            return new Batch(size);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot prepare batched raw calls", e);
        }
    }

    static final int SEND_SLOT = 64;
    static final int RECEIVE_SLOT = 128;
    private static final int MMSGHDR = 64;
    private static final int SO_ATTACH_FILTER = 26;

    final class Batch {
        final int size;
        private final ByteBuffer state = direct(captureSize);
        private final ByteBuffer sendVec;
        private final ByteBuffer sendIov;
        private final ByteBuffer sendData;
        private final ByteBuffer sendNames;
        private final ByteBuffer recvVec;
        private final ByteBuffer recvIov;
        private final ByteBuffer recvData;
        private final ByteBuffer filter = direct(8 * 8);
        private final ByteBuffer program = direct(16);
        private final MethodHandle sendH;
        private final MethodHandle recvH;
        private final MethodHandle attachH;

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
            Object st = segment(state);
            sendH = Session.bind(sendmmsg, st, 2, segment(sendVec));                                     // (fd, n, flags)
            recvH = Session.bind(MethodHandles.insertArguments(recvmmsg, 5, nullSegment), st, 2, segment(recvVec)); // (fd, n, flags)
            program.putLong(8, addressOf(filter));
            attachH = MethodHandles.insertArguments(MethodHandles.insertArguments(setsockopt, 4, segment(program)), 0, st); // (fd, level, option, len)
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
            if (from != 0) throw new IllegalArgumentException("prototype: batches start at slot 0");
            try {
                return result((int) sendH.invokeExact(fd, count, 0));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        /** Reads up to {@link #size} datagrams without waiting: how many, or -errno (-EAGAIN when none). */
        int receive(int fd) {
            try {
                return result((int) recvH.invokeExact(fd, size, MSG_DONTWAIT));
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
                return result((int) attachH.invokeExact(fd, SOL_SOCKET, SO_ATTACH_FILTER, 16));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        private int op(int n, int code, int jt, int jf, int k) {
            filter.order(ByteOrder.nativeOrder()).putShort(n * 8, (short) code).put(n * 8 + 2, (byte) jt).put(n * 8 + 3, (byte) jf).putInt(n * 8 + 4, k);
            return n + 1;
        }

        private int errno() {
            return state.getInt(errnoOffset);
        }

        private int result(int r) {
            return r >= 0 ? r : -errno();
        }
    }

    private static ByteBuffer direct(int size) {
        return ByteBuffer.allocateDirect(Math.max(8, size)).order(ByteOrder.nativeOrder());
    }

    private static Object invoke(MethodHandle h, int arg) {
        try {
            return h.invoke(arg);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
