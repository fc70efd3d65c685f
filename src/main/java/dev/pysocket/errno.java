// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import dev.pysocket.bindings.posix_h;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Python's {@code errno} module (also reachable in Python as {@code socket.errno}): every E*
 * constant CPython 3.11 has on Linux, with this platform's values from the generated bindings,
 * {@link #errorcode} (number to name), and {@link #strerror(int)}, Python's {@code os.strerror}.
 *
 * <p>A porter's {@code e.errno == errno.EWOULDBLOCK} is {@code e.is(EWOULDBLOCK)} (see
 * {@link OSError#is(int...)}), which is false, not a NullPointerException, when errno is None
 * (a socket timeout, say). Python's {@code OSError(errno, strerror)}, which returns the subclass
 * CPython picks for errno, is {@link OSError#of(int, String)}.
 */
public final class errno {
    private errno() {
    }

    // Every E* name of CPython 3.11's errno module on Linux (133), sorted.
    /** {@code errno.E2BIG}: Argument list too long. */
    public static final int E2BIG = posix_h.E2BIG();
    /** {@code errno.EACCES}: Permission denied. */
    public static final int EACCES = posix_h.EACCES();
    /** {@code errno.EADDRINUSE}: Address already in use. */
    public static final int EADDRINUSE = posix_h.EADDRINUSE();
    /** {@code errno.EADDRNOTAVAIL}: Cannot assign requested address. */
    public static final int EADDRNOTAVAIL = posix_h.EADDRNOTAVAIL();
    /** {@code errno.EADV}: Advertise error. */
    public static final int EADV = posix_h.EADV();
    /** {@code errno.EAFNOSUPPORT}: Address family not supported by protocol. */
    public static final int EAFNOSUPPORT = posix_h.EAFNOSUPPORT();
    /** {@code errno.EAGAIN}: Resource temporarily unavailable. */
    public static final int EAGAIN = posix_h.EAGAIN();
    /** {@code errno.EALREADY}: Operation already in progress. */
    public static final int EALREADY = posix_h.EALREADY();
    /** {@code errno.EBADE}: Invalid exchange. */
    public static final int EBADE = posix_h.EBADE();
    /** {@code errno.EBADF}: Bad file descriptor. */
    public static final int EBADF = posix_h.EBADF();
    /** {@code errno.EBADFD}: File descriptor in bad state. */
    public static final int EBADFD = posix_h.EBADFD();
    /** {@code errno.EBADMSG}: Bad message. */
    public static final int EBADMSG = posix_h.EBADMSG();
    /** {@code errno.EBADR}: Invalid request descriptor. */
    public static final int EBADR = posix_h.EBADR();
    /** {@code errno.EBADRQC}: Invalid request code. */
    public static final int EBADRQC = posix_h.EBADRQC();
    /** {@code errno.EBADSLT}: Invalid slot. */
    public static final int EBADSLT = posix_h.EBADSLT();
    /** {@code errno.EBFONT}: Bad font file format. */
    public static final int EBFONT = posix_h.EBFONT();
    /** {@code errno.EBUSY}: Device or resource busy. */
    public static final int EBUSY = posix_h.EBUSY();
    /** {@code errno.ECANCELED}: Operation canceled. */
    public static final int ECANCELED = posix_h.ECANCELED();
    /** {@code errno.ECHILD}: No child processes. */
    public static final int ECHILD = posix_h.ECHILD();
    /** {@code errno.ECHRNG}: Channel number out of range. */
    public static final int ECHRNG = posix_h.ECHRNG();
    /** {@code errno.ECOMM}: Communication error on send. */
    public static final int ECOMM = posix_h.ECOMM();
    /** {@code errno.ECONNABORTED}: Software caused connection abort. */
    public static final int ECONNABORTED = posix_h.ECONNABORTED();
    /** {@code errno.ECONNREFUSED}: Connection refused. */
    public static final int ECONNREFUSED = posix_h.ECONNREFUSED();
    /** {@code errno.ECONNRESET}: Connection reset by peer. */
    public static final int ECONNRESET = posix_h.ECONNRESET();
    /** {@code errno.EDEADLK}: Resource deadlock avoided (the same number as EDEADLOCK, the name {@link #errorcode} gives). */
    public static final int EDEADLK = posix_h.EDEADLK();
    /** {@code errno.EDEADLOCK}: Resource deadlock avoided. */
    public static final int EDEADLOCK = posix_h.EDEADLOCK();
    /** {@code errno.EDESTADDRREQ}: Destination address required. */
    public static final int EDESTADDRREQ = posix_h.EDESTADDRREQ();
    /** {@code errno.EDOM}: Numerical argument out of domain. */
    public static final int EDOM = posix_h.EDOM();
    /** {@code errno.EDOTDOT}: RFS specific error. */
    public static final int EDOTDOT = posix_h.EDOTDOT();
    /** {@code errno.EDQUOT}: Disk quota exceeded. */
    public static final int EDQUOT = posix_h.EDQUOT();
    /** {@code errno.EEXIST}: File exists. */
    public static final int EEXIST = posix_h.EEXIST();
    /** {@code errno.EFAULT}: Bad address. */
    public static final int EFAULT = posix_h.EFAULT();
    /** {@code errno.EFBIG}: File too large. */
    public static final int EFBIG = posix_h.EFBIG();
    /** {@code errno.EHOSTDOWN}: Host is down. */
    public static final int EHOSTDOWN = posix_h.EHOSTDOWN();
    /** {@code errno.EHOSTUNREACH}: No route to host. */
    public static final int EHOSTUNREACH = posix_h.EHOSTUNREACH();
    /** {@code errno.EIDRM}: Identifier removed. */
    public static final int EIDRM = posix_h.EIDRM();
    /** {@code errno.EILSEQ}: Invalid or incomplete multibyte or wide character. */
    public static final int EILSEQ = posix_h.EILSEQ();
    /** {@code errno.EINPROGRESS}: Operation now in progress. */
    public static final int EINPROGRESS = posix_h.EINPROGRESS();
    /** {@code errno.EINTR}: Interrupted system call. */
    public static final int EINTR = posix_h.EINTR();
    /** {@code errno.EINVAL}: Invalid argument. */
    public static final int EINVAL = posix_h.EINVAL();
    /** {@code errno.EIO}: Input/output error. */
    public static final int EIO = posix_h.EIO();
    /** {@code errno.EISCONN}: Transport endpoint is already connected. */
    public static final int EISCONN = posix_h.EISCONN();
    /** {@code errno.EISDIR}: Is a directory. */
    public static final int EISDIR = posix_h.EISDIR();
    /** {@code errno.EISNAM}: Is a named type file. */
    public static final int EISNAM = posix_h.EISNAM();
    /** {@code errno.EKEYEXPIRED}: Key has expired. */
    public static final int EKEYEXPIRED = posix_h.EKEYEXPIRED();
    /** {@code errno.EKEYREJECTED}: Key was rejected by service. */
    public static final int EKEYREJECTED = posix_h.EKEYREJECTED();
    /** {@code errno.EKEYREVOKED}: Key has been revoked. */
    public static final int EKEYREVOKED = posix_h.EKEYREVOKED();
    /** {@code errno.EL2HLT}: Level 2 halted. */
    public static final int EL2HLT = posix_h.EL2HLT();
    /** {@code errno.EL2NSYNC}: Level 2 not synchronized. */
    public static final int EL2NSYNC = posix_h.EL2NSYNC();
    /** {@code errno.EL3HLT}: Level 3 halted. */
    public static final int EL3HLT = posix_h.EL3HLT();
    /** {@code errno.EL3RST}: Level 3 reset. */
    public static final int EL3RST = posix_h.EL3RST();
    /** {@code errno.ELIBACC}: Can not access a needed shared library. */
    public static final int ELIBACC = posix_h.ELIBACC();
    /** {@code errno.ELIBBAD}: Accessing a corrupted shared library. */
    public static final int ELIBBAD = posix_h.ELIBBAD();
    /** {@code errno.ELIBEXEC}: Cannot exec a shared library directly. */
    public static final int ELIBEXEC = posix_h.ELIBEXEC();
    /** {@code errno.ELIBMAX}: Attempting to link in too many shared libraries. */
    public static final int ELIBMAX = posix_h.ELIBMAX();
    /** {@code errno.ELIBSCN}: .lib section in a.out corrupted. */
    public static final int ELIBSCN = posix_h.ELIBSCN();
    /** {@code errno.ELNRNG}: Link number out of range. */
    public static final int ELNRNG = posix_h.ELNRNG();
    /** {@code errno.ELOOP}: Too many levels of symbolic links. */
    public static final int ELOOP = posix_h.ELOOP();
    /** {@code errno.EMEDIUMTYPE}: Wrong medium type. */
    public static final int EMEDIUMTYPE = posix_h.EMEDIUMTYPE();
    /** {@code errno.EMFILE}: Too many open files. */
    public static final int EMFILE = posix_h.EMFILE();
    /** {@code errno.EMLINK}: Too many links. */
    public static final int EMLINK = posix_h.EMLINK();
    /** {@code errno.EMSGSIZE}: Message too long. */
    public static final int EMSGSIZE = posix_h.EMSGSIZE();
    /** {@code errno.EMULTIHOP}: Multihop attempted. */
    public static final int EMULTIHOP = posix_h.EMULTIHOP();
    /** {@code errno.ENAMETOOLONG}: File name too long. */
    public static final int ENAMETOOLONG = posix_h.ENAMETOOLONG();
    /** {@code errno.ENAVAIL}: No XENIX semaphores available. */
    public static final int ENAVAIL = posix_h.ENAVAIL();
    /** {@code errno.ENETDOWN}: Network is down. */
    public static final int ENETDOWN = posix_h.ENETDOWN();
    /** {@code errno.ENETRESET}: Network dropped connection on reset. */
    public static final int ENETRESET = posix_h.ENETRESET();
    /** {@code errno.ENETUNREACH}: Network is unreachable. */
    public static final int ENETUNREACH = posix_h.ENETUNREACH();
    /** {@code errno.ENFILE}: Too many open files in system. */
    public static final int ENFILE = posix_h.ENFILE();
    /** {@code errno.ENOANO}: No anode. */
    public static final int ENOANO = posix_h.ENOANO();
    /** {@code errno.ENOBUFS}: No buffer space available. */
    public static final int ENOBUFS = posix_h.ENOBUFS();
    /** {@code errno.ENOCSI}: No CSI structure available. */
    public static final int ENOCSI = posix_h.ENOCSI();
    /** {@code errno.ENODATA}: No data available. */
    public static final int ENODATA = posix_h.ENODATA();
    /** {@code errno.ENODEV}: No such device. */
    public static final int ENODEV = posix_h.ENODEV();
    /** {@code errno.ENOENT}: No such file or directory. */
    public static final int ENOENT = posix_h.ENOENT();
    /** {@code errno.ENOEXEC}: Exec format error. */
    public static final int ENOEXEC = posix_h.ENOEXEC();
    /** {@code errno.ENOKEY}: Required key not available. */
    public static final int ENOKEY = posix_h.ENOKEY();
    /** {@code errno.ENOLCK}: No locks available. */
    public static final int ENOLCK = posix_h.ENOLCK();
    /** {@code errno.ENOLINK}: Link has been severed. */
    public static final int ENOLINK = posix_h.ENOLINK();
    /** {@code errno.ENOMEDIUM}: No medium found. */
    public static final int ENOMEDIUM = posix_h.ENOMEDIUM();
    /** {@code errno.ENOMEM}: Cannot allocate memory. */
    public static final int ENOMEM = posix_h.ENOMEM();
    /** {@code errno.ENOMSG}: No message of desired type. */
    public static final int ENOMSG = posix_h.ENOMSG();
    /** {@code errno.ENONET}: Machine is not on the network. */
    public static final int ENONET = posix_h.ENONET();
    /** {@code errno.ENOPKG}: Package not installed. */
    public static final int ENOPKG = posix_h.ENOPKG();
    /** {@code errno.ENOPROTOOPT}: Protocol not available. */
    public static final int ENOPROTOOPT = posix_h.ENOPROTOOPT();
    /** {@code errno.ENOSPC}: No space left on device. */
    public static final int ENOSPC = posix_h.ENOSPC();
    /** {@code errno.ENOSR}: Out of streams resources. */
    public static final int ENOSR = posix_h.ENOSR();
    /** {@code errno.ENOSTR}: Device not a stream. */
    public static final int ENOSTR = posix_h.ENOSTR();
    /** {@code errno.ENOSYS}: Function not implemented. */
    public static final int ENOSYS = posix_h.ENOSYS();
    /** {@code errno.ENOTBLK}: Block device required. */
    public static final int ENOTBLK = posix_h.ENOTBLK();
    /** {@code errno.ENOTCONN}: Transport endpoint is not connected. */
    public static final int ENOTCONN = posix_h.ENOTCONN();
    /** {@code errno.ENOTDIR}: Not a directory. */
    public static final int ENOTDIR = posix_h.ENOTDIR();
    /** {@code errno.ENOTEMPTY}: Directory not empty. */
    public static final int ENOTEMPTY = posix_h.ENOTEMPTY();
    /** {@code errno.ENOTNAM}: Not a XENIX named type file. */
    public static final int ENOTNAM = posix_h.ENOTNAM();
    /** {@code errno.ENOTRECOVERABLE}: State not recoverable. */
    public static final int ENOTRECOVERABLE = posix_h.ENOTRECOVERABLE();
    /** {@code errno.ENOTSOCK}: Socket operation on non-socket. */
    public static final int ENOTSOCK = posix_h.ENOTSOCK();
    /** {@code errno.ENOTSUP}: Operation not supported. */
    public static final int ENOTSUP = posix_h.ENOTSUP();
    /** {@code errno.ENOTTY}: Inappropriate ioctl for device. */
    public static final int ENOTTY = posix_h.ENOTTY();
    /** {@code errno.ENOTUNIQ}: Name not unique on network. */
    public static final int ENOTUNIQ = posix_h.ENOTUNIQ();
    /** {@code errno.ENXIO}: No such device or address. */
    public static final int ENXIO = posix_h.ENXIO();
    /** {@code errno.EOPNOTSUPP}: Operation not supported (the same number as ENOTSUP, the name {@link #errorcode} gives). */
    public static final int EOPNOTSUPP = posix_h.EOPNOTSUPP();
    /** {@code errno.EOVERFLOW}: Value too large for defined data type. */
    public static final int EOVERFLOW = posix_h.EOVERFLOW();
    /** {@code errno.EOWNERDEAD}: Owner died. */
    public static final int EOWNERDEAD = posix_h.EOWNERDEAD();
    /** {@code errno.EPERM}: Operation not permitted. */
    public static final int EPERM = posix_h.EPERM();
    /** {@code errno.EPFNOSUPPORT}: Protocol family not supported. */
    public static final int EPFNOSUPPORT = posix_h.EPFNOSUPPORT();
    /** {@code errno.EPIPE}: Broken pipe. */
    public static final int EPIPE = posix_h.EPIPE();
    /** {@code errno.EPROTO}: Protocol error. */
    public static final int EPROTO = posix_h.EPROTO();
    /** {@code errno.EPROTONOSUPPORT}: Protocol not supported. */
    public static final int EPROTONOSUPPORT = posix_h.EPROTONOSUPPORT();
    /** {@code errno.EPROTOTYPE}: Protocol wrong type for socket. */
    public static final int EPROTOTYPE = posix_h.EPROTOTYPE();
    /** {@code errno.ERANGE}: Numerical result out of range. */
    public static final int ERANGE = posix_h.ERANGE();
    /** {@code errno.EREMCHG}: Remote address changed. */
    public static final int EREMCHG = posix_h.EREMCHG();
    /** {@code errno.EREMOTE}: Object is remote. */
    public static final int EREMOTE = posix_h.EREMOTE();
    /** {@code errno.EREMOTEIO}: Remote I/O error. */
    public static final int EREMOTEIO = posix_h.EREMOTEIO();
    /** {@code errno.ERESTART}: Interrupted system call should be restarted. */
    public static final int ERESTART = posix_h.ERESTART();
    /** {@code errno.ERFKILL}: Operation not possible due to RF-kill. */
    public static final int ERFKILL = posix_h.ERFKILL();
    /** {@code errno.EROFS}: Read-only file system. */
    public static final int EROFS = posix_h.EROFS();
    /** {@code errno.ESHUTDOWN}: Cannot send after transport endpoint shutdown. */
    public static final int ESHUTDOWN = posix_h.ESHUTDOWN();
    /** {@code errno.ESOCKTNOSUPPORT}: Socket type not supported. */
    public static final int ESOCKTNOSUPPORT = posix_h.ESOCKTNOSUPPORT();
    /** {@code errno.ESPIPE}: Illegal seek. */
    public static final int ESPIPE = posix_h.ESPIPE();
    /** {@code errno.ESRCH}: No such process. */
    public static final int ESRCH = posix_h.ESRCH();
    /** {@code errno.ESRMNT}: Srmount error. */
    public static final int ESRMNT = posix_h.ESRMNT();
    /** {@code errno.ESTALE}: Stale file handle. */
    public static final int ESTALE = posix_h.ESTALE();
    /** {@code errno.ESTRPIPE}: Streams pipe error. */
    public static final int ESTRPIPE = posix_h.ESTRPIPE();
    /** {@code errno.ETIME}: Timer expired. */
    public static final int ETIME = posix_h.ETIME();
    /** {@code errno.ETIMEDOUT}: Connection timed out. */
    public static final int ETIMEDOUT = posix_h.ETIMEDOUT();
    /** {@code errno.ETOOMANYREFS}: Too many references: cannot splice. */
    public static final int ETOOMANYREFS = posix_h.ETOOMANYREFS();
    /** {@code errno.ETXTBSY}: Text file busy. */
    public static final int ETXTBSY = posix_h.ETXTBSY();
    /** {@code errno.EUCLEAN}: Structure needs cleaning. */
    public static final int EUCLEAN = posix_h.EUCLEAN();
    /** {@code errno.EUNATCH}: Protocol driver not attached. */
    public static final int EUNATCH = posix_h.EUNATCH();
    /** {@code errno.EUSERS}: Too many users. */
    public static final int EUSERS = posix_h.EUSERS();
    /** {@code errno.EWOULDBLOCK}: Resource temporarily unavailable (the same number as EAGAIN, the name {@link #errorcode} gives). */
    public static final int EWOULDBLOCK = posix_h.EWOULDBLOCK();
    /** {@code errno.EXDEV}: Invalid cross-device link. */
    public static final int EXDEV = posix_h.EXDEV();
    /** {@code errno.EXFULL}: Exchange full. */
    public static final int EXFULL = posix_h.EXFULL();

    /** The names {@link #errorcode} does not give: CPython's table names their numbers otherwise. */
    private static final Set<String> ALIASES = Set.of("EDEADLK", "EOPNOTSUPP", "EWOULDBLOCK");

    /**
     * {@code errno.errorcode}: the name of each error number, e.g. 11 to {@code "EAGAIN"}. Of the
     * names sharing a number it gives the one CPython gives ({@code EAGAIN}, not
     * {@code EWOULDBLOCK}). Unmodifiable; iterates in increasing number (CPython's dict keeps the
     * order of its C source).
     */
    public static final Map<Integer, String> errorcode = errorcodes();

    private static Map<Integer, String> errorcodes() {
        Map<Integer, String> map = new TreeMap<>();
        try {
            for (Field f : errno.class.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class
                        && !ALIASES.contains(f.getName())) {
                    map.put(f.getInt(null), f.getName());
                }
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * {@code os.strerror(code)}: the system's message for an error number, e.g.
     * {@code "Connection refused"} for 111, {@code "Unknown error 99999"} for a number it does
     * not know (glibc's strerror(3), as CPython reads it).
     *
     * @param code an error number, any int
     * @return the message
     */
    public static String strerror(int code) {
        return Errno.strerror(code);
    }
}
