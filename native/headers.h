/*
 * The C headers pysocket binds against. native/generate compiles a probe that includes this file
 * (and nothing else), so every constant, type, struct and prototype in the native/ spec files is resolved
 * against exactly these headers. Linux-only headers are included only when present
 * (__has_include), and each one sets a PYSOCKET_HAVE_* macro that native/constants.txt can use
 * as an "ifdef" guard for enumerators (which, unlike macros, cannot be tested with #ifdef).
 */
#ifndef PYSOCKET_HEADERS_H
#define PYSOCKET_HEADERS_H

#define _GNU_SOURCE 1

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <netinet/ip.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <net/if.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <sys/time.h>
#include <fcntl.h>
#include <unistd.h>
#include <limits.h>
#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/sendfile.h>
#include <sys/stat.h>

#if __has_include(<linux/tipc.h>)
#include <linux/tipc.h>
#define PYSOCKET_HAVE_LINUX_TIPC_H 1
#endif
#if __has_include(<linux/can.h>)
#include <linux/can.h>
#define PYSOCKET_HAVE_LINUX_CAN_H 1
#endif
#if __has_include(<linux/can/raw.h>)
#include <linux/can/raw.h>
#define PYSOCKET_HAVE_LINUX_CAN_RAW_H 1
#endif
#if __has_include(<linux/can/bcm.h>)
#include <linux/can/bcm.h>
#define PYSOCKET_HAVE_LINUX_CAN_BCM_H 1
#endif
#if __has_include(<linux/can/isotp.h>)
#include <linux/can/isotp.h>
#define PYSOCKET_HAVE_LINUX_CAN_ISOTP_H 1
#endif
#if __has_include(<linux/can/j1939.h>)
#include <linux/can/j1939.h>
#define PYSOCKET_HAVE_LINUX_CAN_J1939_H 1
#endif
#if __has_include(<linux/vm_sockets.h>)
#include <linux/vm_sockets.h>
#define PYSOCKET_HAVE_LINUX_VM_SOCKETS_H 1
#endif
#if __has_include(<linux/netlink.h>)
#include <linux/netlink.h>
#define PYSOCKET_HAVE_LINUX_NETLINK_H 1
#endif
#if __has_include(<linux/if_packet.h>)
#include <linux/if_packet.h>
#define PYSOCKET_HAVE_LINUX_IF_PACKET_H 1
#endif
#if __has_include(<linux/if_alg.h>)
#include <linux/if_alg.h>
#define PYSOCKET_HAVE_LINUX_IF_ALG_H 1
#endif
#if __has_include(<linux/net_tstamp.h>)
#include <linux/net_tstamp.h>
#define PYSOCKET_HAVE_LINUX_NET_TSTAMP_H 1
#endif
#if __has_include(<linux/errqueue.h>)
#include <linux/errqueue.h>
#define PYSOCKET_HAVE_LINUX_ERRQUEUE_H 1
#endif

#endif /* PYSOCKET_HEADERS_H */
