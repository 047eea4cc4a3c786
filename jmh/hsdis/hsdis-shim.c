/*
 * hsdis for JDK 17 on Debian: Debian's libhsdis0-fcml (apt-get install libhsdis0-fcml) exports only the old entry
 * point decode_instructions; JDK 17 looks for decode_instructions_virtual, so -XX:+PrintAssembly and JMH's
 * -prof perfasm print raw bytes. This shim exports the new entry point and forwards to the old one (the JVM decodes
 * code that is mapped at its own address, so the virtual address is the buffer). FCML decodes AVX-512.
 *
 *   gcc -shared -fPIC -O2 jmh/hsdis/hsdis-shim.c -o hsdis-amd64.so -ldl
 *   cp hsdis-amd64.so "$JAVA_HOME/lib/server/"      # a file, not a link to libhsdis.so.0 (the shim loads that)
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stddef.h>

typedef void *(*event_callback)(void *, const char *, void *);
typedef int (*printf_callback)(void *, const char *, ...);
typedef void *(*decode_old)(void *, void *, event_callback, void *, printf_callback, void *, const char *);

static decode_old old_entry;

void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer, uintptr_t length,
                                  event_callback event, void *event_stream, printf_callback printf_cb,
                                  void *printf_stream, const char *options, int newline) {
    (void) buffer;
    (void) length;
    (void) newline;
    if (old_entry == NULL) {
        void *lib = dlopen("libhsdis.so.0", RTLD_NOW | RTLD_LOCAL);
        if (lib == NULL) {
            return NULL;
        }
        old_entry = (decode_old) dlsym(lib, "decode_instructions");
        if (old_entry == NULL) {
            return NULL;
        }
    }
    return old_entry((void *) start_va, (void *) end_va, event, event_stream, printf_cb, printf_stream, options);
}
