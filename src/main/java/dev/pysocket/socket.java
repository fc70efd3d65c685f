package dev.pysocket;

import dev.pysocket.bindings.posix_h;
import dev.pysocket.syscall.Posix;
import dev.pysocket.syscall.Scratch;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code socket} module: its functions and constants, for
 * {@code import static dev.pysocket.socket.*}. A Python line becomes a Java line:
 * {@code socket.socket(AF_INET, SOCK_STREAM)} is {@code socket(AF_INET, SOCK_STREAM)}.
 *
 * <p>Constants are the platform's C values, read from the generated bindings; they are plain
 * ints usable wherever C takes an int. Python's {@code socket.socket} class is
 * {@link SocketType} (its other Python name); Python's {@code socket.timeout} is
 * {@link TimeoutError}.
 */
public final class socket {
    private socket() {
    }

    /** Python's {@code socket.gaierror}: a getaddrinfo(3)/getnameinfo(3) failure, errno an EAI_* code. */
    public static class gaierror extends OSError {
        /** {@code gaierror(errno, strerror)}. */
        public gaierror(int errno, String strerror) {
            super(errno, strerror);
        }

        /** {@code gaierror(message)}. */
        public gaierror(String message) {
            super(message);
        }
    }

    /** Python's {@code socket.herror}: a gethostbyname_ex/gethostbyaddr failure, errno an h_errno. */
    public static class herror extends OSError {
        /** {@code herror(errno, strerror)}. */
        public herror(int errno, String strerror) {
            super(errno, strerror);
        }

        /** {@code herror(message)}. */
        public herror(String message) {
            super(message);
        }
    }

    /**
     * {@code socket.error(errno, strerror)}: Python's {@code socket.error} is {@code OSError}, so
     * this is {@link OSError#of(int, String)}, returning the subclass CPython picks for errno.
     *
     * @param errno    the error number
     * @param strerror the message
     * @return the new exception (not thrown)
     */
    public static OSError error(int errno, String strerror) {
        return OSError.of(errno, strerror);
    }

    // ---- constants -------------------------------------------------------------------------
    // Every integer constant CPython 3.11 exports from socket on Linux, in its order (sorted).
    /** AF_ALG. */
    public static final int AF_ALG = posix_h.AF_ALG();
    /** AF_APPLETALK. */
    public static final int AF_APPLETALK = posix_h.AF_APPLETALK();
    /** AF_ASH. */
    public static final int AF_ASH = posix_h.AF_ASH();
    /** AF_ATMPVC. */
    public static final int AF_ATMPVC = posix_h.AF_ATMPVC();
    /** AF_ATMSVC. */
    public static final int AF_ATMSVC = posix_h.AF_ATMSVC();
    /** AF_AX25. */
    public static final int AF_AX25 = posix_h.AF_AX25();
    /** AF_BRIDGE. */
    public static final int AF_BRIDGE = posix_h.AF_BRIDGE();
    /** AF_CAN. */
    public static final int AF_CAN = posix_h.AF_CAN();
    /** AF_ECONET. */
    public static final int AF_ECONET = posix_h.AF_ECONET();
    /** AF_INET. */
    public static final int AF_INET = posix_h.AF_INET();
    /** AF_INET6. */
    public static final int AF_INET6 = posix_h.AF_INET6();
    /** AF_IPX. */
    public static final int AF_IPX = posix_h.AF_IPX();
    /** AF_IRDA. */
    public static final int AF_IRDA = posix_h.AF_IRDA();
    /** AF_KEY. */
    public static final int AF_KEY = posix_h.AF_KEY();
    /** AF_LLC. */
    public static final int AF_LLC = posix_h.AF_LLC();
    /** AF_NETBEUI. */
    public static final int AF_NETBEUI = posix_h.AF_NETBEUI();
    /** AF_NETLINK. */
    public static final int AF_NETLINK = posix_h.AF_NETLINK();
    /** AF_NETROM. */
    public static final int AF_NETROM = posix_h.AF_NETROM();
    /** AF_PACKET. */
    public static final int AF_PACKET = posix_h.AF_PACKET();
    /** AF_PPPOX. */
    public static final int AF_PPPOX = posix_h.AF_PPPOX();
    /** AF_QIPCRTR. */
    public static final int AF_QIPCRTR = posix_h.AF_QIPCRTR();
    /** AF_RDS. */
    public static final int AF_RDS = posix_h.AF_RDS();
    /** AF_ROSE. */
    public static final int AF_ROSE = posix_h.AF_ROSE();
    /** AF_ROUTE. */
    public static final int AF_ROUTE = posix_h.AF_ROUTE();
    /** AF_SECURITY. */
    public static final int AF_SECURITY = posix_h.AF_SECURITY();
    /** AF_SNA. */
    public static final int AF_SNA = posix_h.AF_SNA();
    /** AF_TIPC. */
    public static final int AF_TIPC = posix_h.AF_TIPC();
    /** AF_UNIX. */
    public static final int AF_UNIX = posix_h.AF_UNIX();
    /** AF_UNSPEC. */
    public static final int AF_UNSPEC = posix_h.AF_UNSPEC();
    /** AF_VSOCK. */
    public static final int AF_VSOCK = posix_h.AF_VSOCK();
    /** AF_WANPIPE. */
    public static final int AF_WANPIPE = posix_h.AF_WANPIPE();
    /** AF_X25. */
    public static final int AF_X25 = posix_h.AF_X25();

    /** AI_ADDRCONFIG. */
    public static final int AI_ADDRCONFIG = posix_h.AI_ADDRCONFIG();
    /** AI_ALL. */
    public static final int AI_ALL = posix_h.AI_ALL();
    /** AI_CANONNAME. */
    public static final int AI_CANONNAME = posix_h.AI_CANONNAME();
    /** AI_NUMERICHOST. */
    public static final int AI_NUMERICHOST = posix_h.AI_NUMERICHOST();
    /** AI_NUMERICSERV. */
    public static final int AI_NUMERICSERV = posix_h.AI_NUMERICSERV();
    /** AI_PASSIVE. */
    public static final int AI_PASSIVE = posix_h.AI_PASSIVE();
    /** AI_V4MAPPED. */
    public static final int AI_V4MAPPED = posix_h.AI_V4MAPPED();

    /** ALG_OP_DECRYPT. */
    public static final int ALG_OP_DECRYPT = posix_h.ALG_OP_DECRYPT();
    /** ALG_OP_ENCRYPT. */
    public static final int ALG_OP_ENCRYPT = posix_h.ALG_OP_ENCRYPT();
    /** ALG_SET_AEAD_ASSOCLEN. */
    public static final int ALG_SET_AEAD_ASSOCLEN = posix_h.ALG_SET_AEAD_ASSOCLEN();
    /** ALG_SET_AEAD_AUTHSIZE. */
    public static final int ALG_SET_AEAD_AUTHSIZE = posix_h.ALG_SET_AEAD_AUTHSIZE();
    /** ALG_SET_IV. */
    public static final int ALG_SET_IV = posix_h.ALG_SET_IV();
    /** ALG_SET_KEY. */
    public static final int ALG_SET_KEY = posix_h.ALG_SET_KEY();
    /** ALG_SET_OP. */
    public static final int ALG_SET_OP = posix_h.ALG_SET_OP();

    /** CAN_BCM. */
    public static final int CAN_BCM = posix_h.CAN_BCM();
    /** CAN_BCM_CAN_FD_FRAME. */
    public static final int CAN_BCM_CAN_FD_FRAME = posix_h.CAN_BCM_CAN_FD_FRAME();
    /** CAN_BCM_RX_ANNOUNCE_RESUME. */
    public static final int CAN_BCM_RX_ANNOUNCE_RESUME = posix_h.CAN_BCM_RX_ANNOUNCE_RESUME();
    /** CAN_BCM_RX_CHANGED. */
    public static final int CAN_BCM_RX_CHANGED = posix_h.CAN_BCM_RX_CHANGED();
    /** CAN_BCM_RX_CHECK_DLC. */
    public static final int CAN_BCM_RX_CHECK_DLC = posix_h.CAN_BCM_RX_CHECK_DLC();
    /** CAN_BCM_RX_DELETE. */
    public static final int CAN_BCM_RX_DELETE = posix_h.CAN_BCM_RX_DELETE();
    /** CAN_BCM_RX_FILTER_ID. */
    public static final int CAN_BCM_RX_FILTER_ID = posix_h.CAN_BCM_RX_FILTER_ID();
    /** CAN_BCM_RX_NO_AUTOTIMER. */
    public static final int CAN_BCM_RX_NO_AUTOTIMER = posix_h.CAN_BCM_RX_NO_AUTOTIMER();
    /** CAN_BCM_RX_READ. */
    public static final int CAN_BCM_RX_READ = posix_h.CAN_BCM_RX_READ();
    /** CAN_BCM_RX_RTR_FRAME. */
    public static final int CAN_BCM_RX_RTR_FRAME = posix_h.CAN_BCM_RX_RTR_FRAME();
    /** CAN_BCM_RX_SETUP. */
    public static final int CAN_BCM_RX_SETUP = posix_h.CAN_BCM_RX_SETUP();
    /** CAN_BCM_RX_STATUS. */
    public static final int CAN_BCM_RX_STATUS = posix_h.CAN_BCM_RX_STATUS();
    /** CAN_BCM_RX_TIMEOUT. */
    public static final int CAN_BCM_RX_TIMEOUT = posix_h.CAN_BCM_RX_TIMEOUT();
    /** CAN_BCM_SETTIMER. */
    public static final int CAN_BCM_SETTIMER = posix_h.CAN_BCM_SETTIMER();
    /** CAN_BCM_STARTTIMER. */
    public static final int CAN_BCM_STARTTIMER = posix_h.CAN_BCM_STARTTIMER();
    /** CAN_BCM_TX_ANNOUNCE. */
    public static final int CAN_BCM_TX_ANNOUNCE = posix_h.CAN_BCM_TX_ANNOUNCE();
    /** CAN_BCM_TX_COUNTEVT. */
    public static final int CAN_BCM_TX_COUNTEVT = posix_h.CAN_BCM_TX_COUNTEVT();
    /** CAN_BCM_TX_CP_CAN_ID. */
    public static final int CAN_BCM_TX_CP_CAN_ID = posix_h.CAN_BCM_TX_CP_CAN_ID();
    /** CAN_BCM_TX_DELETE. */
    public static final int CAN_BCM_TX_DELETE = posix_h.CAN_BCM_TX_DELETE();
    /** CAN_BCM_TX_EXPIRED. */
    public static final int CAN_BCM_TX_EXPIRED = posix_h.CAN_BCM_TX_EXPIRED();
    /** CAN_BCM_TX_READ. */
    public static final int CAN_BCM_TX_READ = posix_h.CAN_BCM_TX_READ();
    /** CAN_BCM_TX_RESET_MULTI_IDX. */
    public static final int CAN_BCM_TX_RESET_MULTI_IDX = posix_h.CAN_BCM_TX_RESET_MULTI_IDX();
    /** CAN_BCM_TX_SEND. */
    public static final int CAN_BCM_TX_SEND = posix_h.CAN_BCM_TX_SEND();
    /** CAN_BCM_TX_SETUP. */
    public static final int CAN_BCM_TX_SETUP = posix_h.CAN_BCM_TX_SETUP();
    /** CAN_BCM_TX_STATUS. */
    public static final int CAN_BCM_TX_STATUS = posix_h.CAN_BCM_TX_STATUS();
    /** CAN_EFF_FLAG. */
    public static final long CAN_EFF_FLAG = posix_h.CAN_EFF_FLAG();
    /** CAN_EFF_MASK. */
    public static final int CAN_EFF_MASK = posix_h.CAN_EFF_MASK();
    /** CAN_ERR_FLAG. */
    public static final int CAN_ERR_FLAG = posix_h.CAN_ERR_FLAG();
    /** CAN_ERR_MASK. */
    public static final int CAN_ERR_MASK = posix_h.CAN_ERR_MASK();
    /** CAN_ISOTP. */
    public static final int CAN_ISOTP = posix_h.CAN_ISOTP();
    /** CAN_J1939. */
    public static final int CAN_J1939 = posix_h.CAN_J1939();
    /** CAN_RAW. */
    public static final int CAN_RAW = posix_h.CAN_RAW();
    /** CAN_RAW_FD_FRAMES. */
    public static final int CAN_RAW_FD_FRAMES = posix_h.CAN_RAW_FD_FRAMES();
    /** CAN_RAW_FILTER. */
    public static final int CAN_RAW_FILTER = posix_h.CAN_RAW_FILTER();
    /** CAN_RAW_JOIN_FILTERS. */
    public static final int CAN_RAW_JOIN_FILTERS = posix_h.CAN_RAW_JOIN_FILTERS();
    /** CAN_RAW_LOOPBACK. */
    public static final int CAN_RAW_LOOPBACK = posix_h.CAN_RAW_LOOPBACK();
    /** CAN_RAW_RECV_OWN_MSGS. */
    public static final int CAN_RAW_RECV_OWN_MSGS = posix_h.CAN_RAW_RECV_OWN_MSGS();
    /** CAN_RTR_FLAG. */
    public static final int CAN_RTR_FLAG = posix_h.CAN_RTR_FLAG();
    /** CAN_SFF_MASK. */
    public static final int CAN_SFF_MASK = posix_h.CAN_SFF_MASK();

    /** EAGAIN. */
    public static final int EAGAIN = posix_h.EAGAIN();

    /** EAI_ADDRFAMILY. */
    public static final int EAI_ADDRFAMILY = posix_h.EAI_ADDRFAMILY();
    /** EAI_AGAIN. */
    public static final int EAI_AGAIN = posix_h.EAI_AGAIN();
    /** EAI_BADFLAGS. */
    public static final int EAI_BADFLAGS = posix_h.EAI_BADFLAGS();
    /** EAI_FAIL. */
    public static final int EAI_FAIL = posix_h.EAI_FAIL();
    /** EAI_FAMILY. */
    public static final int EAI_FAMILY = posix_h.EAI_FAMILY();
    /** EAI_MEMORY. */
    public static final int EAI_MEMORY = posix_h.EAI_MEMORY();
    /** EAI_NODATA. */
    public static final int EAI_NODATA = posix_h.EAI_NODATA();
    /** EAI_NONAME. */
    public static final int EAI_NONAME = posix_h.EAI_NONAME();
    /** EAI_OVERFLOW. */
    public static final int EAI_OVERFLOW = posix_h.EAI_OVERFLOW();
    /** EAI_SERVICE. */
    public static final int EAI_SERVICE = posix_h.EAI_SERVICE();
    /** EAI_SOCKTYPE. */
    public static final int EAI_SOCKTYPE = posix_h.EAI_SOCKTYPE();
    /** EAI_SYSTEM. */
    public static final int EAI_SYSTEM = posix_h.EAI_SYSTEM();

    /** EBADF. */
    public static final int EBADF = posix_h.EBADF();

    /** EWOULDBLOCK. */
    public static final int EWOULDBLOCK = posix_h.EWOULDBLOCK();

    /** INADDR_ALLHOSTS_GROUP. */
    public static final long INADDR_ALLHOSTS_GROUP = posix_h.INADDR_ALLHOSTS_GROUP();
    /** INADDR_ANY. */
    public static final int INADDR_ANY = posix_h.INADDR_ANY();
    /** INADDR_BROADCAST. */
    public static final long INADDR_BROADCAST = posix_h.INADDR_BROADCAST();
    /** INADDR_LOOPBACK. */
    public static final int INADDR_LOOPBACK = posix_h.INADDR_LOOPBACK();
    /** INADDR_MAX_LOCAL_GROUP. */
    public static final long INADDR_MAX_LOCAL_GROUP = posix_h.INADDR_MAX_LOCAL_GROUP();
    /** INADDR_NONE. */
    public static final long INADDR_NONE = posix_h.INADDR_NONE();
    /** INADDR_UNSPEC_GROUP. */
    public static final long INADDR_UNSPEC_GROUP = posix_h.INADDR_UNSPEC_GROUP();

    /** IOCTL_VM_SOCKETS_GET_LOCAL_CID. */
    public static final int IOCTL_VM_SOCKETS_GET_LOCAL_CID = posix_h.IOCTL_VM_SOCKETS_GET_LOCAL_CID();

    /** IPPORT_RESERVED. */
    public static final int IPPORT_RESERVED = posix_h.IPPORT_RESERVED();
    /** IPPORT_USERRESERVED. */
    public static final int IPPORT_USERRESERVED = posix_h.IPPORT_USERRESERVED();

    /** IPPROTO_AH. */
    public static final int IPPROTO_AH = posix_h.IPPROTO_AH();
    /** IPPROTO_DSTOPTS. */
    public static final int IPPROTO_DSTOPTS = posix_h.IPPROTO_DSTOPTS();
    /** IPPROTO_EGP. */
    public static final int IPPROTO_EGP = posix_h.IPPROTO_EGP();
    /** IPPROTO_ESP. */
    public static final int IPPROTO_ESP = posix_h.IPPROTO_ESP();
    /** IPPROTO_FRAGMENT. */
    public static final int IPPROTO_FRAGMENT = posix_h.IPPROTO_FRAGMENT();
    /** IPPROTO_GRE. */
    public static final int IPPROTO_GRE = posix_h.IPPROTO_GRE();
    /** IPPROTO_HOPOPTS. */
    public static final int IPPROTO_HOPOPTS = posix_h.IPPROTO_HOPOPTS();
    /** IPPROTO_ICMP. */
    public static final int IPPROTO_ICMP = posix_h.IPPROTO_ICMP();
    /** IPPROTO_ICMPV6. */
    public static final int IPPROTO_ICMPV6 = posix_h.IPPROTO_ICMPV6();
    /** IPPROTO_IDP. */
    public static final int IPPROTO_IDP = posix_h.IPPROTO_IDP();
    /** IPPROTO_IGMP. */
    public static final int IPPROTO_IGMP = posix_h.IPPROTO_IGMP();
    /** IPPROTO_IP. */
    public static final int IPPROTO_IP = posix_h.IPPROTO_IP();
    /** IPPROTO_IPIP. */
    public static final int IPPROTO_IPIP = posix_h.IPPROTO_IPIP();
    /** IPPROTO_IPV6. */
    public static final int IPPROTO_IPV6 = posix_h.IPPROTO_IPV6();
    /** IPPROTO_MPTCP. */
    public static final int IPPROTO_MPTCP = posix_h.IPPROTO_MPTCP();
    /** IPPROTO_NONE. */
    public static final int IPPROTO_NONE = posix_h.IPPROTO_NONE();
    /** IPPROTO_PIM. */
    public static final int IPPROTO_PIM = posix_h.IPPROTO_PIM();
    /** IPPROTO_PUP. */
    public static final int IPPROTO_PUP = posix_h.IPPROTO_PUP();
    /** IPPROTO_RAW. */
    public static final int IPPROTO_RAW = posix_h.IPPROTO_RAW();
    /** IPPROTO_ROUTING. */
    public static final int IPPROTO_ROUTING = posix_h.IPPROTO_ROUTING();
    /** IPPROTO_RSVP. */
    public static final int IPPROTO_RSVP = posix_h.IPPROTO_RSVP();
    /** IPPROTO_SCTP. */
    public static final int IPPROTO_SCTP = posix_h.IPPROTO_SCTP();
    /** IPPROTO_TCP. */
    public static final int IPPROTO_TCP = posix_h.IPPROTO_TCP();
    /** IPPROTO_TP. */
    public static final int IPPROTO_TP = posix_h.IPPROTO_TP();
    /** IPPROTO_UDP. */
    public static final int IPPROTO_UDP = posix_h.IPPROTO_UDP();
    /** IPPROTO_UDPLITE. */
    public static final int IPPROTO_UDPLITE = posix_h.IPPROTO_UDPLITE();

    /** IPV6_CHECKSUM. */
    public static final int IPV6_CHECKSUM = posix_h.IPV6_CHECKSUM();
    /** IPV6_DONTFRAG. */
    public static final int IPV6_DONTFRAG = posix_h.IPV6_DONTFRAG();
    /** IPV6_DSTOPTS. */
    public static final int IPV6_DSTOPTS = posix_h.IPV6_DSTOPTS();
    /** IPV6_HOPLIMIT. */
    public static final int IPV6_HOPLIMIT = posix_h.IPV6_HOPLIMIT();
    /** IPV6_HOPOPTS. */
    public static final int IPV6_HOPOPTS = posix_h.IPV6_HOPOPTS();
    /** IPV6_JOIN_GROUP. */
    public static final int IPV6_JOIN_GROUP = posix_h.IPV6_JOIN_GROUP();
    /** IPV6_LEAVE_GROUP. */
    public static final int IPV6_LEAVE_GROUP = posix_h.IPV6_LEAVE_GROUP();
    /** IPV6_MULTICAST_HOPS. */
    public static final int IPV6_MULTICAST_HOPS = posix_h.IPV6_MULTICAST_HOPS();
    /** IPV6_MULTICAST_IF. */
    public static final int IPV6_MULTICAST_IF = posix_h.IPV6_MULTICAST_IF();
    /** IPV6_MULTICAST_LOOP. */
    public static final int IPV6_MULTICAST_LOOP = posix_h.IPV6_MULTICAST_LOOP();
    /** IPV6_NEXTHOP. */
    public static final int IPV6_NEXTHOP = posix_h.IPV6_NEXTHOP();
    /** IPV6_PATHMTU. */
    public static final int IPV6_PATHMTU = posix_h.IPV6_PATHMTU();
    /** IPV6_PKTINFO. */
    public static final int IPV6_PKTINFO = posix_h.IPV6_PKTINFO();
    /** IPV6_RECVDSTOPTS. */
    public static final int IPV6_RECVDSTOPTS = posix_h.IPV6_RECVDSTOPTS();
    /** IPV6_RECVHOPLIMIT. */
    public static final int IPV6_RECVHOPLIMIT = posix_h.IPV6_RECVHOPLIMIT();
    /** IPV6_RECVHOPOPTS. */
    public static final int IPV6_RECVHOPOPTS = posix_h.IPV6_RECVHOPOPTS();
    /** IPV6_RECVPATHMTU. */
    public static final int IPV6_RECVPATHMTU = posix_h.IPV6_RECVPATHMTU();
    /** IPV6_RECVPKTINFO. */
    public static final int IPV6_RECVPKTINFO = posix_h.IPV6_RECVPKTINFO();
    /** IPV6_RECVRTHDR. */
    public static final int IPV6_RECVRTHDR = posix_h.IPV6_RECVRTHDR();
    /** IPV6_RECVTCLASS. */
    public static final int IPV6_RECVTCLASS = posix_h.IPV6_RECVTCLASS();
    /** IPV6_RTHDR. */
    public static final int IPV6_RTHDR = posix_h.IPV6_RTHDR();
    /** IPV6_RTHDRDSTOPTS. */
    public static final int IPV6_RTHDRDSTOPTS = posix_h.IPV6_RTHDRDSTOPTS();
    /** IPV6_RTHDR_TYPE_0. */
    public static final int IPV6_RTHDR_TYPE_0 = posix_h.IPV6_RTHDR_TYPE_0();
    /** IPV6_TCLASS. */
    public static final int IPV6_TCLASS = posix_h.IPV6_TCLASS();
    /** IPV6_UNICAST_HOPS. */
    public static final int IPV6_UNICAST_HOPS = posix_h.IPV6_UNICAST_HOPS();
    /** IPV6_V6ONLY. */
    public static final int IPV6_V6ONLY = posix_h.IPV6_V6ONLY();

    /** IP_ADD_MEMBERSHIP. */
    public static final int IP_ADD_MEMBERSHIP = posix_h.IP_ADD_MEMBERSHIP();
    /** IP_BIND_ADDRESS_NO_PORT. */
    public static final int IP_BIND_ADDRESS_NO_PORT = posix_h.IP_BIND_ADDRESS_NO_PORT();
    /** IP_DEFAULT_MULTICAST_LOOP. */
    public static final int IP_DEFAULT_MULTICAST_LOOP = posix_h.IP_DEFAULT_MULTICAST_LOOP();
    /** IP_DEFAULT_MULTICAST_TTL. */
    public static final int IP_DEFAULT_MULTICAST_TTL = posix_h.IP_DEFAULT_MULTICAST_TTL();
    /** IP_DROP_MEMBERSHIP. */
    public static final int IP_DROP_MEMBERSHIP = posix_h.IP_DROP_MEMBERSHIP();
    /** IP_HDRINCL. */
    public static final int IP_HDRINCL = posix_h.IP_HDRINCL();
    /** IP_MAX_MEMBERSHIPS. */
    public static final int IP_MAX_MEMBERSHIPS = posix_h.IP_MAX_MEMBERSHIPS();
    /** IP_MULTICAST_IF. */
    public static final int IP_MULTICAST_IF = posix_h.IP_MULTICAST_IF();
    /** IP_MULTICAST_LOOP. */
    public static final int IP_MULTICAST_LOOP = posix_h.IP_MULTICAST_LOOP();
    /** IP_MULTICAST_TTL. */
    public static final int IP_MULTICAST_TTL = posix_h.IP_MULTICAST_TTL();
    /** IP_OPTIONS. */
    public static final int IP_OPTIONS = posix_h.IP_OPTIONS();
    /** IP_RECVOPTS. */
    public static final int IP_RECVOPTS = posix_h.IP_RECVOPTS();
    /** IP_RECVRETOPTS. */
    public static final int IP_RECVRETOPTS = posix_h.IP_RECVRETOPTS();
    /** IP_RECVTOS. */
    public static final int IP_RECVTOS = posix_h.IP_RECVTOS();
    /** IP_RETOPTS. */
    public static final int IP_RETOPTS = posix_h.IP_RETOPTS();
    /** IP_TOS. */
    public static final int IP_TOS = posix_h.IP_TOS();
    /** IP_TRANSPARENT. */
    public static final int IP_TRANSPARENT = posix_h.IP_TRANSPARENT();
    /** IP_TTL. */
    public static final int IP_TTL = posix_h.IP_TTL();

    /** J1939_EE_INFO_NONE. */
    public static final int J1939_EE_INFO_NONE = posix_h.J1939_EE_INFO_NONE();
    /** J1939_EE_INFO_TX_ABORT. */
    public static final int J1939_EE_INFO_TX_ABORT = posix_h.J1939_EE_INFO_TX_ABORT();
    /** J1939_FILTER_MAX. */
    public static final int J1939_FILTER_MAX = posix_h.J1939_FILTER_MAX();
    /** J1939_IDLE_ADDR. */
    public static final int J1939_IDLE_ADDR = posix_h.J1939_IDLE_ADDR();
    /** J1939_MAX_UNICAST_ADDR. */
    public static final int J1939_MAX_UNICAST_ADDR = posix_h.J1939_MAX_UNICAST_ADDR();
    /** J1939_NLA_BYTES_ACKED. */
    public static final int J1939_NLA_BYTES_ACKED = posix_h.J1939_NLA_BYTES_ACKED();
    /** J1939_NLA_PAD. */
    public static final int J1939_NLA_PAD = posix_h.J1939_NLA_PAD();
    /** J1939_NO_ADDR. */
    public static final int J1939_NO_ADDR = posix_h.J1939_NO_ADDR();
    /** J1939_NO_NAME. */
    public static final int J1939_NO_NAME = posix_h.J1939_NO_NAME();
    /** J1939_NO_PGN. */
    public static final int J1939_NO_PGN = posix_h.J1939_NO_PGN();
    /** J1939_PGN_ADDRESS_CLAIMED. */
    public static final int J1939_PGN_ADDRESS_CLAIMED = posix_h.J1939_PGN_ADDRESS_CLAIMED();
    /** J1939_PGN_ADDRESS_COMMANDED. */
    public static final int J1939_PGN_ADDRESS_COMMANDED = posix_h.J1939_PGN_ADDRESS_COMMANDED();
    /** J1939_PGN_MAX. */
    public static final int J1939_PGN_MAX = posix_h.J1939_PGN_MAX();
    /** J1939_PGN_PDU1_MAX. */
    public static final int J1939_PGN_PDU1_MAX = posix_h.J1939_PGN_PDU1_MAX();
    /** J1939_PGN_REQUEST. */
    public static final int J1939_PGN_REQUEST = posix_h.J1939_PGN_REQUEST();

    /** MSG_CMSG_CLOEXEC. */
    public static final int MSG_CMSG_CLOEXEC = posix_h.MSG_CMSG_CLOEXEC();
    /** MSG_CONFIRM. */
    public static final int MSG_CONFIRM = posix_h.MSG_CONFIRM();
    /** MSG_CTRUNC. */
    public static final int MSG_CTRUNC = posix_h.MSG_CTRUNC();
    /** MSG_DONTROUTE. */
    public static final int MSG_DONTROUTE = posix_h.MSG_DONTROUTE();
    /** MSG_DONTWAIT. */
    public static final int MSG_DONTWAIT = posix_h.MSG_DONTWAIT();
    /** MSG_EOR. */
    public static final int MSG_EOR = posix_h.MSG_EOR();
    /** MSG_ERRQUEUE. */
    public static final int MSG_ERRQUEUE = posix_h.MSG_ERRQUEUE();
    /** MSG_FASTOPEN. */
    public static final int MSG_FASTOPEN = posix_h.MSG_FASTOPEN();
    /** MSG_MORE. */
    public static final int MSG_MORE = posix_h.MSG_MORE();
    /** MSG_NOSIGNAL. */
    public static final int MSG_NOSIGNAL = posix_h.MSG_NOSIGNAL();
    /** MSG_OOB. */
    public static final int MSG_OOB = posix_h.MSG_OOB();
    /** MSG_PEEK. */
    public static final int MSG_PEEK = posix_h.MSG_PEEK();
    /** MSG_TRUNC. */
    public static final int MSG_TRUNC = posix_h.MSG_TRUNC();
    /** MSG_WAITALL. */
    public static final int MSG_WAITALL = posix_h.MSG_WAITALL();

    /** NETLINK_CRYPTO. */
    public static final int NETLINK_CRYPTO = posix_h.NETLINK_CRYPTO();
    /** NETLINK_DNRTMSG. */
    public static final int NETLINK_DNRTMSG = posix_h.NETLINK_DNRTMSG();
    /** NETLINK_FIREWALL. */
    public static final int NETLINK_FIREWALL = posix_h.NETLINK_FIREWALL();
    /** NETLINK_IP6_FW. */
    public static final int NETLINK_IP6_FW = posix_h.NETLINK_IP6_FW();
    /** NETLINK_NFLOG. */
    public static final int NETLINK_NFLOG = posix_h.NETLINK_NFLOG();
    /** NETLINK_ROUTE. */
    public static final int NETLINK_ROUTE = posix_h.NETLINK_ROUTE();
    /** NETLINK_USERSOCK. */
    public static final int NETLINK_USERSOCK = posix_h.NETLINK_USERSOCK();
    /** NETLINK_XFRM. */
    public static final int NETLINK_XFRM = posix_h.NETLINK_XFRM();

    /** NI_DGRAM. */
    public static final int NI_DGRAM = posix_h.NI_DGRAM();
    /** NI_MAXHOST. */
    public static final int NI_MAXHOST = posix_h.NI_MAXHOST();
    /** NI_MAXSERV. */
    public static final int NI_MAXSERV = posix_h.NI_MAXSERV();
    /** NI_NAMEREQD. */
    public static final int NI_NAMEREQD = posix_h.NI_NAMEREQD();
    /** NI_NOFQDN. */
    public static final int NI_NOFQDN = posix_h.NI_NOFQDN();
    /** NI_NUMERICHOST. */
    public static final int NI_NUMERICHOST = posix_h.NI_NUMERICHOST();
    /** NI_NUMERICSERV. */
    public static final int NI_NUMERICSERV = posix_h.NI_NUMERICSERV();

    /** PACKET_BROADCAST. */
    public static final int PACKET_BROADCAST = posix_h.PACKET_BROADCAST();
    /** PACKET_FASTROUTE. */
    public static final int PACKET_FASTROUTE = posix_h.PACKET_FASTROUTE();
    /** PACKET_HOST. */
    public static final int PACKET_HOST = posix_h.PACKET_HOST();
    /** PACKET_LOOPBACK. */
    public static final int PACKET_LOOPBACK = posix_h.PACKET_LOOPBACK();
    /** PACKET_MULTICAST. */
    public static final int PACKET_MULTICAST = posix_h.PACKET_MULTICAST();
    /** PACKET_OTHERHOST. */
    public static final int PACKET_OTHERHOST = posix_h.PACKET_OTHERHOST();
    /** PACKET_OUTGOING. */
    public static final int PACKET_OUTGOING = posix_h.PACKET_OUTGOING();

    /** PF_CAN. */
    public static final int PF_CAN = posix_h.PF_CAN();
    /** PF_PACKET. */
    public static final int PF_PACKET = posix_h.PF_PACKET();
    /** PF_RDS. */
    public static final int PF_RDS = posix_h.PF_RDS();

    /** SCM_CREDENTIALS. */
    public static final int SCM_CREDENTIALS = posix_h.SCM_CREDENTIALS();
    /** SCM_J1939_DEST_ADDR. */
    public static final int SCM_J1939_DEST_ADDR = posix_h.SCM_J1939_DEST_ADDR();
    /** SCM_J1939_DEST_NAME. */
    public static final int SCM_J1939_DEST_NAME = posix_h.SCM_J1939_DEST_NAME();
    /** SCM_J1939_ERRQUEUE. */
    public static final int SCM_J1939_ERRQUEUE = posix_h.SCM_J1939_ERRQUEUE();
    /** SCM_J1939_PRIO. */
    public static final int SCM_J1939_PRIO = posix_h.SCM_J1939_PRIO();
    /** SCM_RIGHTS. */
    public static final int SCM_RIGHTS = posix_h.SCM_RIGHTS();

    /** SHUT_RD. */
    public static final int SHUT_RD = posix_h.SHUT_RD();
    /** SHUT_RDWR. */
    public static final int SHUT_RDWR = posix_h.SHUT_RDWR();
    /** SHUT_WR. */
    public static final int SHUT_WR = posix_h.SHUT_WR();

    /** SOCK_CLOEXEC. */
    public static final int SOCK_CLOEXEC = posix_h.SOCK_CLOEXEC();
    /** SOCK_DGRAM. */
    public static final int SOCK_DGRAM = posix_h.SOCK_DGRAM();
    /** SOCK_NONBLOCK. */
    public static final int SOCK_NONBLOCK = posix_h.SOCK_NONBLOCK();
    /** SOCK_RAW. */
    public static final int SOCK_RAW = posix_h.SOCK_RAW();
    /** SOCK_RDM. */
    public static final int SOCK_RDM = posix_h.SOCK_RDM();
    /** SOCK_SEQPACKET. */
    public static final int SOCK_SEQPACKET = posix_h.SOCK_SEQPACKET();
    /** SOCK_STREAM. */
    public static final int SOCK_STREAM = posix_h.SOCK_STREAM();

    /** SOL_ALG. */
    public static final int SOL_ALG = posix_h.SOL_ALG();
    /** SOL_CAN_BASE. */
    public static final int SOL_CAN_BASE = posix_h.SOL_CAN_BASE();
    /** SOL_CAN_RAW. */
    public static final int SOL_CAN_RAW = posix_h.SOL_CAN_RAW();
    /** SOL_IP. */
    public static final int SOL_IP = posix_h.SOL_IP();
    /** SOL_RDS. */
    public static final int SOL_RDS = posix_h.SOL_RDS();
    /** SOL_SOCKET. */
    public static final int SOL_SOCKET = posix_h.SOL_SOCKET();
    /** SOL_TCP. */
    public static final int SOL_TCP = posix_h.SOL_TCP();
    /** SOL_TIPC. */
    public static final int SOL_TIPC = posix_h.SOL_TIPC();
    /** SOL_UDP. */
    public static final int SOL_UDP = posix_h.SOL_UDP();

    /** SOMAXCONN. */
    public static final int SOMAXCONN = posix_h.SOMAXCONN();

    /** SO_ACCEPTCONN. */
    public static final int SO_ACCEPTCONN = posix_h.SO_ACCEPTCONN();
    /** SO_BINDTODEVICE. */
    public static final int SO_BINDTODEVICE = posix_h.SO_BINDTODEVICE();
    /** SO_BROADCAST. */
    public static final int SO_BROADCAST = posix_h.SO_BROADCAST();
    /** SO_DEBUG. */
    public static final int SO_DEBUG = posix_h.SO_DEBUG();
    /** SO_DOMAIN. */
    public static final int SO_DOMAIN = posix_h.SO_DOMAIN();
    /** SO_DONTROUTE. */
    public static final int SO_DONTROUTE = posix_h.SO_DONTROUTE();
    /** SO_ERROR. */
    public static final int SO_ERROR = posix_h.SO_ERROR();
    /** SO_INCOMING_CPU. */
    public static final int SO_INCOMING_CPU = posix_h.SO_INCOMING_CPU();
    /** SO_J1939_ERRQUEUE. */
    public static final int SO_J1939_ERRQUEUE = posix_h.SO_J1939_ERRQUEUE();
    /** SO_J1939_FILTER. */
    public static final int SO_J1939_FILTER = posix_h.SO_J1939_FILTER();
    /** SO_J1939_PROMISC. */
    public static final int SO_J1939_PROMISC = posix_h.SO_J1939_PROMISC();
    /** SO_J1939_SEND_PRIO. */
    public static final int SO_J1939_SEND_PRIO = posix_h.SO_J1939_SEND_PRIO();
    /** SO_KEEPALIVE. */
    public static final int SO_KEEPALIVE = posix_h.SO_KEEPALIVE();
    /** SO_LINGER. */
    public static final int SO_LINGER = posix_h.SO_LINGER();
    /** SO_MARK. */
    public static final int SO_MARK = posix_h.SO_MARK();
    /** SO_OOBINLINE. */
    public static final int SO_OOBINLINE = posix_h.SO_OOBINLINE();
    /** SO_PASSCRED. */
    public static final int SO_PASSCRED = posix_h.SO_PASSCRED();
    /** SO_PASSSEC. */
    public static final int SO_PASSSEC = posix_h.SO_PASSSEC();
    /** SO_PEERCRED. */
    public static final int SO_PEERCRED = posix_h.SO_PEERCRED();
    /** SO_PEERSEC. */
    public static final int SO_PEERSEC = posix_h.SO_PEERSEC();
    /** SO_PRIORITY. */
    public static final int SO_PRIORITY = posix_h.SO_PRIORITY();
    /** SO_PROTOCOL. */
    public static final int SO_PROTOCOL = posix_h.SO_PROTOCOL();
    /** SO_RCVBUF. */
    public static final int SO_RCVBUF = posix_h.SO_RCVBUF();
    /** SO_RCVLOWAT. */
    public static final int SO_RCVLOWAT = posix_h.SO_RCVLOWAT();
    /** SO_RCVTIMEO. */
    public static final int SO_RCVTIMEO = posix_h.SO_RCVTIMEO();
    /** SO_REUSEADDR. */
    public static final int SO_REUSEADDR = posix_h.SO_REUSEADDR();
    /** SO_REUSEPORT. */
    public static final int SO_REUSEPORT = posix_h.SO_REUSEPORT();
    /** SO_SNDBUF. */
    public static final int SO_SNDBUF = posix_h.SO_SNDBUF();
    /** SO_SNDLOWAT. */
    public static final int SO_SNDLOWAT = posix_h.SO_SNDLOWAT();
    /** SO_SNDTIMEO. */
    public static final int SO_SNDTIMEO = posix_h.SO_SNDTIMEO();
    /** SO_TYPE. */
    public static final int SO_TYPE = posix_h.SO_TYPE();
    /** SO_VM_SOCKETS_BUFFER_MAX_SIZE. */
    public static final int SO_VM_SOCKETS_BUFFER_MAX_SIZE = posix_h.SO_VM_SOCKETS_BUFFER_MAX_SIZE();
    /** SO_VM_SOCKETS_BUFFER_MIN_SIZE. */
    public static final int SO_VM_SOCKETS_BUFFER_MIN_SIZE = posix_h.SO_VM_SOCKETS_BUFFER_MIN_SIZE();
    /** SO_VM_SOCKETS_BUFFER_SIZE. */
    public static final int SO_VM_SOCKETS_BUFFER_SIZE = posix_h.SO_VM_SOCKETS_BUFFER_SIZE();

    /** TCP_CONGESTION. */
    public static final int TCP_CONGESTION = posix_h.TCP_CONGESTION();
    /** TCP_CORK. */
    public static final int TCP_CORK = posix_h.TCP_CORK();
    /** TCP_DEFER_ACCEPT. */
    public static final int TCP_DEFER_ACCEPT = posix_h.TCP_DEFER_ACCEPT();
    /** TCP_FASTOPEN. */
    public static final int TCP_FASTOPEN = posix_h.TCP_FASTOPEN();
    /** TCP_INFO. */
    public static final int TCP_INFO = posix_h.TCP_INFO();
    /** TCP_KEEPCNT. */
    public static final int TCP_KEEPCNT = posix_h.TCP_KEEPCNT();
    /** TCP_KEEPIDLE. */
    public static final int TCP_KEEPIDLE = posix_h.TCP_KEEPIDLE();
    /** TCP_KEEPINTVL. */
    public static final int TCP_KEEPINTVL = posix_h.TCP_KEEPINTVL();
    /** TCP_LINGER2. */
    public static final int TCP_LINGER2 = posix_h.TCP_LINGER2();
    /** TCP_MAXSEG. */
    public static final int TCP_MAXSEG = posix_h.TCP_MAXSEG();
    /** TCP_NODELAY. */
    public static final int TCP_NODELAY = posix_h.TCP_NODELAY();
    /** TCP_NOTSENT_LOWAT. */
    public static final int TCP_NOTSENT_LOWAT = posix_h.TCP_NOTSENT_LOWAT();
    /** TCP_QUICKACK. */
    public static final int TCP_QUICKACK = posix_h.TCP_QUICKACK();
    /** TCP_SYNCNT. */
    public static final int TCP_SYNCNT = posix_h.TCP_SYNCNT();
    /** TCP_USER_TIMEOUT. */
    public static final int TCP_USER_TIMEOUT = posix_h.TCP_USER_TIMEOUT();
    /** TCP_WINDOW_CLAMP. */
    public static final int TCP_WINDOW_CLAMP = posix_h.TCP_WINDOW_CLAMP();

    /** TIPC_ADDR_ID. */
    public static final int TIPC_ADDR_ID = posix_h.TIPC_ADDR_ID();
    /** TIPC_ADDR_NAME. */
    public static final int TIPC_ADDR_NAME = posix_h.TIPC_ADDR_NAME();
    /** TIPC_ADDR_NAMESEQ. */
    public static final int TIPC_ADDR_NAMESEQ = posix_h.TIPC_ADDR_NAMESEQ();
    /** TIPC_CFG_SRV. */
    public static final int TIPC_CFG_SRV = posix_h.TIPC_CFG_SRV();
    /** TIPC_CLUSTER_SCOPE. */
    public static final int TIPC_CLUSTER_SCOPE = posix_h.TIPC_CLUSTER_SCOPE();
    /** TIPC_CONN_TIMEOUT. */
    public static final int TIPC_CONN_TIMEOUT = posix_h.TIPC_CONN_TIMEOUT();
    /** TIPC_CRITICAL_IMPORTANCE. */
    public static final int TIPC_CRITICAL_IMPORTANCE = posix_h.TIPC_CRITICAL_IMPORTANCE();
    /** TIPC_DEST_DROPPABLE. */
    public static final int TIPC_DEST_DROPPABLE = posix_h.TIPC_DEST_DROPPABLE();
    /** TIPC_HIGH_IMPORTANCE. */
    public static final int TIPC_HIGH_IMPORTANCE = posix_h.TIPC_HIGH_IMPORTANCE();
    /** TIPC_IMPORTANCE. */
    public static final int TIPC_IMPORTANCE = posix_h.TIPC_IMPORTANCE();
    /** TIPC_LOW_IMPORTANCE. */
    public static final int TIPC_LOW_IMPORTANCE = posix_h.TIPC_LOW_IMPORTANCE();
    /** TIPC_MEDIUM_IMPORTANCE. */
    public static final int TIPC_MEDIUM_IMPORTANCE = posix_h.TIPC_MEDIUM_IMPORTANCE();
    /** TIPC_NODE_SCOPE. */
    public static final int TIPC_NODE_SCOPE = posix_h.TIPC_NODE_SCOPE();
    /** TIPC_PUBLISHED. */
    public static final int TIPC_PUBLISHED = posix_h.TIPC_PUBLISHED();
    /** TIPC_SRC_DROPPABLE. */
    public static final int TIPC_SRC_DROPPABLE = posix_h.TIPC_SRC_DROPPABLE();
    /** TIPC_SUBSCR_TIMEOUT. */
    public static final int TIPC_SUBSCR_TIMEOUT = posix_h.TIPC_SUBSCR_TIMEOUT();
    /** TIPC_SUB_CANCEL. */
    public static final int TIPC_SUB_CANCEL = posix_h.TIPC_SUB_CANCEL();
    /** TIPC_SUB_PORTS. */
    public static final int TIPC_SUB_PORTS = posix_h.TIPC_SUB_PORTS();
    /** TIPC_SUB_SERVICE. */
    public static final int TIPC_SUB_SERVICE = posix_h.TIPC_SUB_SERVICE();
    /** TIPC_TOP_SRV. */
    public static final int TIPC_TOP_SRV = posix_h.TIPC_TOP_SRV();
    /** TIPC_WAIT_FOREVER. */
    public static final int TIPC_WAIT_FOREVER = posix_h.TIPC_WAIT_FOREVER();
    /** TIPC_WITHDRAWN. */
    public static final int TIPC_WITHDRAWN = posix_h.TIPC_WITHDRAWN();
    /** TIPC_ZONE_SCOPE. */
    public static final int TIPC_ZONE_SCOPE = posix_h.TIPC_ZONE_SCOPE();

    /** VMADDR_CID_ANY. */
    public static final long VMADDR_CID_ANY = posix_h.VMADDR_CID_ANY();
    /** VMADDR_CID_HOST. */
    public static final int VMADDR_CID_HOST = posix_h.VMADDR_CID_HOST();
    /** VMADDR_PORT_ANY. */
    public static final long VMADDR_PORT_ANY = posix_h.VMADDR_PORT_ANY();

    /** VM_SOCKETS_INVALID_VERSION. */
    public static final long VM_SOCKETS_INVALID_VERSION = posix_h.VM_SOCKETS_INVALID_VERSION();

    // CPython defines these itself when the headers lack them (Modules/socketmodule.h), and so
    // do we: this machine's headers do not have them.
    /** ALG_OP_SIGN, CPython's own value. */
    public static final int ALG_OP_SIGN = 2;
    /** ALG_OP_VERIFY, CPython's own value. */
    public static final int ALG_OP_VERIFY = 3;
    /** ALG_SET_PUBKEY, CPython's own value. */
    public static final int ALG_SET_PUBKEY = 6;
    /** UDPLITE_SEND_CSCOV, CPython's own value. */
    public static final int UDPLITE_SEND_CSCOV = 10;
    /** UDPLITE_RECV_CSCOV, CPython's own value. */
    public static final int UDPLITE_RECV_CSCOV = 11;

    /** {@code socket.has_ipv6}: whether this build supports IPv6 (it always does on Linux). */
    public static final boolean has_ipv6 = true;

    // ---- creating sockets ------------------------------------------------------------------

    /** {@code socket.socket()}: AF_INET, SOCK_STREAM. */
    public static SocketType socket() throws OSError {
        return socket(AF_INET, SOCK_STREAM, 0, null);
    }

    /** {@code socket.socket(family)}. */
    public static SocketType socket(int family) throws OSError {
        return socket(family, SOCK_STREAM, 0, null);
    }

    /** {@code socket.socket(family, type)}. */
    public static SocketType socket(int family, int type) throws OSError {
        return socket(family, type, 0, null);
    }

    /** {@code socket.socket(family, type, proto)}. */
    public static SocketType socket(int family, int type, int proto) throws OSError {
        return socket(family, type, proto, null);
    }

    /**
     * {@code socket.socket(family=-1, type=-1, proto=-1, fileno=None)} — socket(2), always with
     * SOCK_CLOEXEC. Without fileno, -1 means AF_INET, SOCK_STREAM and 0. With fileno, the socket
     * wraps that descriptor and -1 means "ask the descriptor" (getsockname, SO_TYPE, SO_PROTOCOL).
     */
    public static SocketType socket(int family, int type, int proto, Integer fileno) throws OSError {
        int fd;
        if (fileno == null) {
            family = family == -1 ? AF_INET : family;
            type = type == -1 ? SOCK_STREAM : type;
            proto = proto == -1 ? 0 : proto;
            fd = Posix.socket(family, type | SOCK_CLOEXEC, proto);
            if (fd < 0) {
                throw Errno.last();
            }
        } else {
            fd = fileno;
            if (fd < 0) {
                throw new ValueError("negative file descriptor");
            }
            family = checkedFamily(fd, family);
            if (type == -1) {
                type = intOption(fd, SO_TYPE);
            }
            if (proto == -1) {
                proto = intOption(fd, SO_PROTOCOL);
            }
        }
        try {
            return new SocketType(fd, family, type, proto);
        } catch (OSError | RuntimeException e) {
            if (fileno == null) {
                Posix.close(fd);
            }
            throw e;
        }
    }

    /**
     * CPython's check of a descriptor passed as fileno: getsockname(2) must not fail with EBADF
     * or ENOTSOCK, whatever family was given; a family of -1 is taken from the address.
     */
    private static int checkedFamily(int fd, int family) throws OSError {
        Scratch sc = Scratch.get();
        sc.addr.fill((byte) 0);
        sc.len.set(ValueLayout.JAVA_INT, 0, (int) sc.addr.byteSize());
        if (Posix.getsockname(fd, sc.addr, sc.len) < 0) {
            int err = Posix.errno();
            if (err == EBADF || err == posix_h.ENOTSOCK()) {
                throw Errno.exception(err);
            }
            return family;
        }
        return family == -1 ? dev.pysocket.bindings.sockaddr.sa_family(sc.addr) & 0xffff : family;
    }

    private static int intOption(int fd, int optname) throws OSError {
        Scratch sc = Scratch.get();
        sc.len.set(ValueLayout.JAVA_INT, 0, 4);
        if (Posix.getsockopt(fd, SOL_SOCKET, optname, sc.word, sc.len) < 0) {
            throw Errno.last();
        }
        return sc.word.get(ValueLayout.JAVA_INT, 0);
    }

    /** {@code socket.socketpair()}: AF_UNIX, SOCK_STREAM. */
    public static SocketPair socketpair() throws OSError {
        return socketpair(AF_UNIX, SOCK_STREAM, 0);
    }

    /** {@code socket.socketpair(family)}. */
    public static SocketPair socketpair(int family) throws OSError {
        return socketpair(family, SOCK_STREAM, 0);
    }

    /** {@code socket.socketpair(family, type)}. */
    public static SocketPair socketpair(int family, int type) throws OSError {
        return socketpair(family, type, 0);
    }

    /** {@code socket.socketpair(family, type, proto)} — socketpair(2) with SOCK_CLOEXEC. */
    public static SocketPair socketpair(int family, int type, int proto) throws OSError {
        Scratch sc = Scratch.get();
        if (Posix.socketpair(family, type | SOCK_CLOEXEC, proto, sc.word) < 0) {
            throw Errno.last();
        }
        int fd0 = sc.word.get(ValueLayout.JAVA_INT, 0);
        int fd1 = sc.word.get(ValueLayout.JAVA_INT, 4);
        SocketType a = null;
        try {
            a = new SocketType(fd0, family, type, proto);
            return new SocketPair(a, new SocketType(fd1, family, type, proto));
        } catch (OSError e) {
            if (a == null) {
                Posix.close(fd0);
            } else {
                a.close();
            }
            Posix.close(fd1);
            throw e;
        }
    }

    /** {@code socket.fromfd(fd, family, type)}. */
    public static SocketType fromfd(int fd, int family, int type) throws OSError {
        return fromfd(fd, family, type, 0);
    }

    /** {@code socket.fromfd(fd, family, type, proto)}: a socket on a duplicate of fd. */
    public static SocketType fromfd(int fd, int family, int type, int proto) throws OSError {
        int copy = dup(fd);
        try {
            return socket(family, type, proto, copy);
        } catch (OSError | RuntimeException e) {
            Posix.close(copy);
            throw e;
        }
    }

    /** {@code socket.close(fd)}: close(2), ignoring ECONNRESET as CPython does. */
    public static void close(int fd) throws OSError {
        if (Posix.close(fd) < 0) {
            int err = Posix.errno();
            if (err != posix_h.ECONNRESET()) {
                throw Errno.exception(err);
            }
        }
    }

    /** {@code socket.dup(fd)}: a close-on-exec duplicate (fcntl F_DUPFD_CLOEXEC). */
    public static int dup(int fd) throws OSError {
        int copy = Posix.fcntl(fd, posix_h.F_DUPFD_CLOEXEC(), 0);
        if (copy < 0) {
            throw Errno.last();
        }
        return copy;
    }

    // ---- connections (Lib/socket.py) -----------------------------------------------------------

    /** {@code socket.create_connection(address)} with the default timeout. */
    public static SocketType create_connection(Address address) throws OSError {
        return Connections.create_connection(address, defaultTimeoutNanos(), true, null, false);
    }

    /** {@code socket.create_connection(address, timeout)}; null timeout is None (blocking). */
    public static SocketType create_connection(Address address, Double timeout) throws OSError {
        return Connections.create_connection(address, parseTimeout(timeout), false, null, false);
    }

    /** {@code socket.create_connection(address, timeout, source_address)}. */
    public static SocketType create_connection(Address address, Double timeout, Address source_address)
            throws OSError {
        return Connections.create_connection(address, parseTimeout(timeout), false, source_address, false);
    }

    /**
     * {@code socket.create_connection(address, timeout, source_address, all_errors=...)}: with
     * all_errors, an {@link ExceptionGroup} of every attempt's error is raised.
     */
    public static SocketType create_connection(Address address, Double timeout, Address source_address,
                                               boolean all_errors) throws OSError {
        return Connections.create_connection(address, parseTimeout(timeout), false, source_address, all_errors);
    }

    /** {@code socket.create_server(address)}: AF_INET, backlog default, no reuse_port. */
    public static SocketType create_server(Address address) throws OSError {
        return Connections.create_server(address, AF_INET, null, false, false);
    }

    /** {@code socket.create_server(address, family=...)}. */
    public static SocketType create_server(Address address, int family) throws OSError {
        return Connections.create_server(address, family, null, false, false);
    }

    /**
     * {@code socket.create_server(address, family=AF_INET, backlog=None, reuse_port=False,
     * dualstack_ipv6=False)}; a null backlog is None.
     */
    public static SocketType create_server(Address address, int family, Integer backlog, boolean reuse_port,
                                           boolean dualstack_ipv6) throws OSError {
        return Connections.create_server(address, family, backlog, reuse_port, dualstack_ipv6);
    }

    /** {@code socket.has_dualstack_ipv6()}. */
    public static boolean has_dualstack_ipv6() {
        return Connections.has_dualstack_ipv6();
    }

    // ---- names and addresses -------------------------------------------------------------------

    /** {@code socket.getaddrinfo(host, port)}; port is an Integer, a String or null. */
    public static List<AddrInfo> getaddrinfo(String host, Object port) throws OSError {
        return Resolver.getaddrinfo(host, port, 0, 0, 0, 0);
    }

    /** {@code socket.getaddrinfo(host, port, family)}. */
    public static List<AddrInfo> getaddrinfo(String host, Object port, int family) throws OSError {
        return Resolver.getaddrinfo(host, port, family, 0, 0, 0);
    }

    /** {@code socket.getaddrinfo(host, port, family, type)}. */
    public static List<AddrInfo> getaddrinfo(String host, Object port, int family, int type) throws OSError {
        return Resolver.getaddrinfo(host, port, family, type, 0, 0);
    }

    /** {@code socket.getaddrinfo(host, port, family, type, proto)}. */
    public static List<AddrInfo> getaddrinfo(String host, Object port, int family, int type, int proto)
            throws OSError {
        return Resolver.getaddrinfo(host, port, family, type, proto, 0);
    }

    /**
     * {@code socket.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)} — getaddrinfo(3):
     * a list of {@code (family, type, proto, canonname, sockaddr)}.
     */
    public static List<AddrInfo> getaddrinfo(String host, Object port, int family, int type, int proto,
                                             int flags) throws OSError {
        return Resolver.getaddrinfo(host, port, family, type, proto, flags);
    }

    /** {@code socket.getnameinfo(sockaddr, flags)} — getnameinfo(3): {@code (host, port)}. */
    public static NameInfo getnameinfo(Address sockaddr, int flags) throws OSError {
        return Resolver.getnameinfo(sockaddr, flags);
    }

    /** {@code socket.gethostbyname(hostname)}: an IPv4 address string. */
    public static String gethostbyname(String hostname) throws OSError {
        return Resolver.gethostbyname(hostname);
    }

    /** {@code socket.gethostbyname_ex(hostname)}: {@code (hostname, aliaslist, ipaddrlist)}. */
    public static HostEntry gethostbyname_ex(String hostname) throws OSError {
        return Resolver.gethostbyname_ex(hostname);
    }

    /** {@code socket.gethostbyaddr(ip_address)}: {@code (hostname, aliaslist, ipaddrlist)}. */
    public static HostEntry gethostbyaddr(String ip_address) throws OSError {
        return Resolver.gethostbyaddr(ip_address);
    }

    /** {@code socket.gethostname()} — gethostname(2). */
    public static String gethostname() throws OSError {
        return Resolver.gethostname();
    }

    /** {@code socket.inet_pton(address_family, ip_string)}: the packed address. */
    public static byte[] inet_pton(int address_family, String ip_string) throws OSError {
        return Inet.inet_pton(address_family, ip_string);
    }

    /** {@code socket.inet_ntop(address_family, packed_ip)}. */
    public static String inet_ntop(int address_family, byte[] packed_ip) throws OSError {
        return Inet.inet_ntop(address_family, packed_ip);
    }

    /** {@code socket.inet_aton(ip_string)}: 4 bytes, accepting inet_aton(3)'s short forms. */
    public static byte[] inet_aton(String ip_string) throws OSError {
        return Inet.inet_aton(ip_string);
    }

    /** {@code socket.inet_ntoa(packed_ip)}. */
    public static String inet_ntoa(byte[] packed_ip) throws OSError {
        return Inet.inet_ntoa(packed_ip);
    }

    /** {@code socket.htons(x)}: raises OverflowError outside 0-65535. */
    public static int htons(long x) {
        return Inet.htons(x, "htons");
    }

    /** {@code socket.ntohs(x)}. */
    public static int ntohs(long x) {
        return Inet.htons(x, "ntohs");
    }

    /** {@code socket.htonl(x)}: raises OverflowError outside 0-4294967295. */
    public static long htonl(long x) {
        return Inet.htonl(x, "htonl");
    }

    /** {@code socket.ntohl(x)}. */
    public static long ntohl(long x) {
        return Inet.htonl(x, "ntohl");
    }

    /** {@code socket.if_nameindex()}: a list of {@code (index, name)}. */
    public static List<IfNameIndex> if_nameindex() throws OSError {
        return Inet.if_nameindex();
    }

    /** {@code socket.if_nametoindex(if_name)}. */
    public static int if_nametoindex(String if_name) throws OSError {
        return Inet.if_nametoindex(if_name);
    }

    /** {@code socket.if_indextoname(if_index)}. */
    public static String if_indextoname(long if_index) throws OSError {
        return Inet.if_indextoname(if_index);
    }

    // ---- ancillary data ------------------------------------------------------------------------

    /**
     * {@code socket.CMSG_LEN(length)}: the cmsg_len of a control message carrying length bytes
     * (no trailing padding). Takes a {@code long} so that out-of-range values reach CPython's
     * {@code OverflowError('CMSG_LEN() argument out of range')}.
     */
    public static int CMSG_LEN(long length) {
        return Messages.CMSG_LEN(length);
    }

    /**
     * {@code socket.CMSG_SPACE(length)}: the buffer space a control message of length data bytes
     * takes, padding included: sum these for recvmsg's ancbufsize.
     */
    public static int CMSG_SPACE(long length) {
        return Messages.CMSG_SPACE(length);
    }

    /** {@code socket.send_fds(sock, buffers, fds)}: sends the descriptors in one SCM_RIGHTS message. */
    public static int send_fds(SocketType sock, List<byte[]> buffers, List<Integer> fds) throws OSError {
        return Messages.send_fds(sock, buffers, fds);
    }

    /**
     * {@code socket.send_fds(sock, buffers, fds, flags)}: flags is not used, as in CPython 3.11's
     * Lib/socket.py, which does not pass it on.
     */
    public static int send_fds(SocketType sock, List<byte[]> buffers, List<Integer> fds, int flags)
            throws OSError {
        return Messages.send_fds(sock, buffers, fds);
    }

    /**
     * {@code socket.send_fds(sock, buffers, fds, flags, address)}: flags and address are not used,
     * as in CPython 3.11's Lib/socket.py, which does not pass them on.
     */
    public static int send_fds(SocketType sock, List<byte[]> buffers, List<Integer> fds, int flags,
                               Address address) throws OSError {
        return Messages.send_fds(sock, buffers, fds);
    }

    /**
     * {@code socket.recv_fds(sock, bufsize, maxfds)}: {@code (msg, fds, msg_flags, address)}, with
     * room for maxfds descriptors. The descriptors are new, inheritable, and the caller's to close.
     */
    public static RecvFds recv_fds(SocketType sock, int bufsize, int maxfds) throws OSError {
        return Messages.recv_fds(sock, bufsize, maxfds);
    }

    /**
     * {@code socket.recv_fds(sock, bufsize, maxfds, flags)}: flags is not used, as in CPython
     * 3.11's Lib/socket.py, which does not pass it on (so MSG_CMSG_CLOEXEC has no effect here).
     */
    public static RecvFds recv_fds(SocketType sock, int bufsize, int maxfds, int flags) throws OSError {
        return Messages.recv_fds(sock, bufsize, maxfds);
    }

    // ---- default timeout -----------------------------------------------------------------------

    private static volatile long defaultTimeout = -1;

    /** {@code socket.getdefaulttimeout()}: seconds, or null for None. */
    public static Double getdefaulttimeout() {
        return timeoutSeconds(defaultTimeout);
    }

    /** {@code socket.setdefaulttimeout(timeout)}: for sockets created from now on; null is None. */
    public static void setdefaulttimeout(Double timeout) {
        defaultTimeout = parseTimeout(timeout);
    }

    static long defaultTimeoutNanos() {
        return defaultTimeout;
    }

    /**
     * CPython's {@code socket_parse_timeout}: seconds to nanoseconds rounded away from zero;
     * null (None) is -1; negative values and NaN are ValueErrors.
     */
    static long parseTimeout(Double seconds) {
        if (seconds == null) {
            return -1;
        }
        long nanos = Fds.nanosFromDouble(seconds, 1e9);
        if (nanos < 0) {
            throw new ValueError("Timeout value out of range");
        }
        return nanos;
    }

    /** Nanoseconds back to Python's float seconds (exact for whole seconds), or null for -1. */
    static Double timeoutSeconds(long nanos) {
        if (nanos < 0) {
            return null;
        }
        return nanos % 1_000_000_000L == 0 ? (double) (nanos / 1_000_000_000L) : nanos / 1e9;
    }

    // ---- constant names ------------------------------------------------------------------------

    private static final Map<String, Map<Integer, String>> NAMES = new HashMap<>();

    /**
     * The name Python's IntEnum gives {@code value} among this module's constants starting with
     * {@code prefix} (of equal values, the alphabetically first, as {@code IntEnum._convert_}
     * picks), or null.
     */
    static String constantName(String prefix, int value) {
        Map<Integer, String> names;
        synchronized (NAMES) {
            names = NAMES.computeIfAbsent(prefix, socket::namesWithPrefix);
        }
        return names.get(value);
    }

    private static Map<Integer, String> namesWithPrefix(String prefix) {
        List<Field> fields = new ArrayList<>();
        for (Field f : socket.class.getFields()) {
            if (f.getName().startsWith(prefix) && f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
                fields.add(f);
            }
        }
        Map<Integer, String> names = new HashMap<>();
        try {
            for (Field f : fields) {
                names.merge(f.getInt(null), f.getName(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return Map.copyOf(names);
    }
}
