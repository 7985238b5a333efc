/*
 * Debian's Wine 8.0 has no bcryptprimitives.dll, and Rust's standard library (1.78 and
 * later) imports ProcessPrng from it for every random number it needs, hash map keys
 * included: without it every Rust program exits at once with status 53. Windows itself
 * ships this DLL; this stand-in exists only for the tests under Wine and is never shipped.
 *
 * ProcessPrng is documented to always succeed. RtlGenRandom (SystemFunction036 in
 * advapi32, which Wine does have) fills at most a ULONG's worth per call.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
