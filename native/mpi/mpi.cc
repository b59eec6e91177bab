// tsnative_mpi: the binding behind `tsnative/mpi`, built by the package's own
// build (binding.gyp) only where native/mpi/find-mpi.js finds the system's MPI.
// It is thin on purpose: runtime/mpi/ checks the arguments (kinds, ranks, tags,
// sizes) and gives the errors their wording; this file maps typed arrays to MPI
// datatypes, calls MPI on their memory in place (zero-copy), and turns MPI's
// error codes into exceptions (MPI_ERRORS_RETURN, never MPI's default abort).
//
// MPI is initialised once per process, at the first load in any thread, with
// MPI_THREAD_MULTIPLE asked for (worker threads and offload may call MPI), and
// finalised when the process exits (atexit).
#include <dlfcn.h>
#include <mpi.h>
#include <napi.h>

#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

namespace {

std::once_flag init_once;
int init_rc = MPI_SUCCESS;
int provided_level = MPI_THREAD_SINGLE;

// Communicators by index; 0 is MPI_COMM_WORLD (sub-communicators come with split).
std::vector<MPI_Comm> comms;
std::mutex comms_mutex;

void finalize_at_exit() {
  int initialised = 0, finalised = 0;
  MPI_Initialized(&initialised);
  MPI_Finalized(&finalised);
  if (initialised && !finalised) MPI_Finalize();
}

// Node loads an addon with RTLD_LOCAL, so libmpi's symbols would be hidden from
// the components OpenMPI dlopens at MPI_Init (mca_*.so), which then fail to load.
// Promote the already loaded libmpi to the global namespace first (as mpi4py does).
void make_libmpi_global() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&MPI_Init_thread), &info) && info.dli_fname)
    dlopen(info.dli_fname, RTLD_NOW | RTLD_GLOBAL | RTLD_NOLOAD);
}

void init_mpi() {
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (initialised) {
    MPI_Query_thread(&provided_level);
  } else {
    make_libmpi_global();
    init_rc = MPI_Init_thread(nullptr, nullptr, MPI_THREAD_MULTIPLE, &provided_level);
    if (init_rc != MPI_SUCCESS) return;
    std::atexit(finalize_at_exit);
  }
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  comms.push_back(MPI_COMM_WORLD);
}

std::string error_text(int rc) {
  char text[MPI_MAX_ERROR_STRING];
  int len = 0;
  if (MPI_Error_string(rc, text, &len) != MPI_SUCCESS) return "MPI error " + std::to_string(rc);
  return std::string(text, static_cast<size_t>(len));
}

void check(Napi::Env env, int rc, const char* fn) {
  if (rc == MPI_SUCCESS) return;
  int cls = rc;
  MPI_Error_class(rc, &cls);
  std::string msg = std::string(fn) + ": " + error_text(rc);
  if (cls == MPI_ERR_TRUNCATE || cls == MPI_ERR_COUNT || cls == MPI_ERR_RANK || cls == MPI_ERR_ROOT || cls == MPI_ERR_TAG)
    throw Napi::RangeError::New(env, msg);
  if (cls == MPI_ERR_OP || cls == MPI_ERR_TYPE || cls == MPI_ERR_BUFFER) throw Napi::TypeError::New(env, msg);
  throw Napi::Error::New(env, msg);
}

// A typed array's memory, element count and MPI datatype.
struct Buf {
  void* data = nullptr;
  size_t length = 0;
  size_t elem = 1;
  MPI_Datatype type = MPI_BYTE;
};

MPI_Datatype datatype_of(napi_typedarray_type t, size_t* elem) {
  switch (t) {
    case napi_int8_array: *elem = 1; return MPI_INT8_T;
    case napi_uint8_array:
    case napi_uint8_clamped_array: *elem = 1; return MPI_UINT8_T;
    case napi_int16_array: *elem = 2; return MPI_INT16_T;
    case napi_uint16_array: *elem = 2; return MPI_UINT16_T;
    case napi_int32_array: *elem = 4; return MPI_INT32_T;
    case napi_uint32_array: *elem = 4; return MPI_UINT32_T;
    case napi_float32_array: *elem = 4; return MPI_FLOAT;
    case napi_float64_array: *elem = 8; return MPI_DOUBLE;
    case napi_bigint64_array: *elem = 8; return MPI_INT64_T;
    case napi_biguint64_array: *elem = 8; return MPI_UINT64_T;
    default: *elem = 1; return MPI_DATATYPE_NULL;
  }
}

Buf buffer_arg(const Napi::CallbackInfo& info, size_t i, const char* fn) {
  Napi::Env env = info.Env();
  if (i >= info.Length() || !info[i].IsTypedArray()) throw Napi::TypeError::New(env, std::string(fn) + ": expected a typed array");
  napi_typedarray_type t;
  size_t length = 0, offset = 0;
  void* data = nullptr;
  napi_value ab;
  if (napi_get_typedarray_info(env, info[i], &t, &length, &data, &ab, &offset) != napi_ok)
    throw Napi::TypeError::New(env, std::string(fn) + ": expected a typed array");
  Buf b;
  b.type = datatype_of(t, &b.elem);
  if (b.type == MPI_DATATYPE_NULL) throw Napi::TypeError::New(env, std::string(fn) + ": this typed-array kind has no MPI datatype");
  b.data = data;  // napi_get_typedarray_info already adds the byte offset
  b.length = length;
  return b;
}

// An optional buffer: null or undefined gives none.
bool has_arg(const Napi::CallbackInfo& info, size_t i) { return i < info.Length() && !info[i].IsNull() && !info[i].IsUndefined(); }

int int_arg(const Napi::CallbackInfo& info, size_t i, const char* fn) {
  if (i >= info.Length() || !info[i].IsNumber()) throw Napi::TypeError::New(info.Env(), std::string(fn) + ": expected a number");
  return info[i].As<Napi::Number>().Int32Value();
}

int count_of(Napi::Env env, size_t n, const char* fn) {
  if (n > static_cast<size_t>(INT32_MAX)) throw Napi::RangeError::New(env, std::string(fn) + ": more than 2^31-1 elements in one call");
  return static_cast<int>(n);
}

MPI_Comm comm_arg(const Napi::CallbackInfo& info, const char* fn) {
  int i = int_arg(info, 0, fn);
  std::lock_guard<std::mutex> lock(comms_mutex);
  if (i < 0 || static_cast<size_t>(i) >= comms.size() || comms[static_cast<size_t>(i)] == MPI_COMM_NULL)
    throw Napi::Error::New(info.Env(), std::string(fn) + ": no such communicator");
  return comms[static_cast<size_t>(i)];
}

// The operations by the names runtime/mpi uses, in this order.
MPI_Op op_arg(const Napi::CallbackInfo& info, size_t i, const char* fn) {
  static const MPI_Op ops[] = {MPI_SUM, MPI_PROD, MPI_MIN, MPI_MAX, MPI_LAND, MPI_LOR, MPI_BAND, MPI_BOR, MPI_BXOR};
  int k = int_arg(info, i, fn);
  if (k < 0 || k >= static_cast<int>(sizeof ops / sizeof ops[0])) throw Napi::TypeError::New(info.Env(), std::string(fn) + ": unknown op");
  return ops[k];
}

const char* level_name(int level) {
  switch (level) {
    case MPI_THREAD_SINGLE: return "single";
    case MPI_THREAD_FUNNELED: return "funneled";
    case MPI_THREAD_SERIALIZED: return "serialized";
    default: return "multiple";
  }
}

class Mpi : public Napi::Addon<Mpi> {
 public:
  Mpi(Napi::Env env, Napi::Object exports) {
    std::call_once(init_once, init_mpi);
    if (init_rc != MPI_SUCCESS) throw Napi::Error::New(env, "MPI_Init_thread: " + error_text(init_rc));
    int rank = 0, size = 1, flag = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int* tag_ub = nullptr;
    MPI_Comm_get_attr(MPI_COMM_WORLD, MPI_TAG_UB, &tag_ub, &flag);
    char version[MPI_MAX_LIBRARY_VERSION_STRING];
    int vlen = 0;
    MPI_Get_library_version(version, &vlen);
    DefineAddon(exports, {
        InstanceValue("rank", Napi::Number::New(env, rank), napi_enumerable),
        InstanceValue("size", Napi::Number::New(env, size), napi_enumerable),
        InstanceValue("threadLevel", Napi::String::New(env, level_name(provided_level)), napi_enumerable),
        InstanceValue("anySource", Napi::Number::New(env, MPI_ANY_SOURCE), napi_enumerable),
        InstanceValue("anyTag", Napi::Number::New(env, MPI_ANY_TAG), napi_enumerable),
        InstanceValue("tagUb", Napi::Number::New(env, flag && tag_ub ? *tag_ub : 32767), napi_enumerable),
        InstanceValue("libraryVersion", Napi::String::New(env, std::string(version, static_cast<size_t>(vlen))), napi_enumerable),
        InstanceMethod("send", &Mpi::Send, napi_enumerable),
        InstanceMethod("recv", &Mpi::Recv, napi_enumerable),
        InstanceMethod("barrier", &Mpi::Barrier, napi_enumerable),
        InstanceMethod("bcast", &Mpi::Bcast, napi_enumerable),
        InstanceMethod("reduce", &Mpi::Reduce, napi_enumerable),
        InstanceMethod("allreduce", &Mpi::Allreduce, napi_enumerable),
        InstanceMethod("gather", &Mpi::Gather, napi_enumerable),
        InstanceMethod("allgather", &Mpi::Allgather, napi_enumerable),
        InstanceMethod("scatter", &Mpi::Scatter, napi_enumerable),
        InstanceMethod("wtime", &Mpi::Wtime, napi_enumerable),
        InstanceMethod("wtick", &Mpi::Wtick, napi_enumerable),
        InstanceMethod("abort", &Mpi::Abort, napi_enumerable),
    });
  }

 private:
  // send(comm, buf, dest, tag)
  void Send(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    MPI_Comm comm = comm_arg(info, "send");
    Buf b = buffer_arg(info, 1, "send");
    check(env, MPI_Send(b.data, count_of(env, b.length, "send"), b.type, int_arg(info, 2, "send"), int_arg(info, 3, "send"), comm), "MPI_Send");
  }

  // recv(comm, buf, source, tag, status: Int32Array(4)) -> fills status with
  // [source, tag, element count, 0], or, when the message is larger than the
  // buffer, [source, tag, its element count, 1] after receiving and dropping it
  // (a matched probe takes the message off the queue whatever follows).
  void Recv(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    MPI_Comm comm = comm_arg(info, "recv");
    Buf b = buffer_arg(info, 1, "recv");
    int source = int_arg(info, 2, "recv"), tag = int_arg(info, 3, "recv");
    Buf out = buffer_arg(info, 4, "recv");
    if (out.type != MPI_INT32_T || out.length < 4) throw Napi::TypeError::New(env, "recv: expected an Int32Array(4) for the status");
    int* status_out = static_cast<int*>(out.data);
    MPI_Message msg;
    MPI_Status st;
    check(env, MPI_Mprobe(source, tag, comm, &msg, &st), "MPI_Mprobe");
    int bytes = 0;
    check(env, MPI_Get_count(&st, MPI_BYTE, &bytes), "MPI_Get_count");
    status_out[0] = st.MPI_SOURCE;
    status_out[1] = st.MPI_TAG;
    size_t need = static_cast<size_t>(bytes);
    if (need > b.length * b.elem || need % b.elem != 0) {
      std::vector<char> scratch(need > 0 ? need : 1);
      check(env, MPI_Mrecv(scratch.data(), bytes, MPI_BYTE, &msg, MPI_STATUS_IGNORE), "MPI_Mrecv");
      status_out[2] = static_cast<int>(need / b.elem);
      status_out[3] = need % b.elem != 0 ? 2 : 1;
      return;
    }
    check(env, MPI_Mrecv(b.data, static_cast<int>(need / b.elem), b.type, &msg, MPI_STATUS_IGNORE), "MPI_Mrecv");
    status_out[2] = static_cast<int>(need / b.elem);
    status_out[3] = 0;
  }

  void Barrier(const Napi::CallbackInfo& info) { check(info.Env(), MPI_Barrier(comm_arg(info, "barrier")), "MPI_Barrier"); }

  // bcast(comm, buf, root)
  void Bcast(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    MPI_Comm comm = comm_arg(info, "bcast");
    Buf b = buffer_arg(info, 1, "bcast");
    check(env, MPI_Bcast(b.data, count_of(env, b.length, "bcast"), b.type, int_arg(info, 2, "bcast"), comm), "MPI_Bcast");
  }

  // reduce(comm, send, recv|null, op, root): recv null reduces in place into send at the root.
  void Reduce(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    MPI_Comm comm = comm_arg(info, "reduce");
    Buf s = buffer_arg(info, 1, "reduce");
    MPI_Op op = op_arg(info, 3, "reduce");
    int root = int_arg(info, 4, "reduce"), rank = 0;
    MPI_Comm_rank(comm, &rank);
    int n = count_of(env, s.length, "reduce");
    if (has_arg(info, 2)) {
      Buf r = buffer_arg(info, 2, "reduce");
      check(env, MPI_Reduce(s.data, r.data, n, s.type, op, root, comm), "MPI_Reduce");
    } else if (rank == root) {
      check(env, MPI_Reduce(MPI_IN_PLACE, s.data, n, s.type, op, root, comm), "MPI_Reduce");
    } else {
      check(env, MPI_Reduce(s.data, nullptr, n, s.type, op, root, comm), "MPI_Reduce");
    }
  }

  // allreduce(comm, send, recv|null, op): recv null reduces in place.
  void Allreduce(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    MPI_Comm comm = comm_arg(info, "allreduce");
    Buf s = buffer_arg(info, 1, "allreduce");
    MPI_Op op = op_arg(info, 3, "allreduce");
    int n = count_of(env, s.length, "allreduce");
    if (has_arg(info, 2)) {
      Buf r = buffer_arg(info, 2, "allreduce");
      check(env, MPI_Allreduce(s.data, r.data, n, s.type, op, comm), "MPI_Allreduce");
    } else {
      check(env, MPI_Allreduce(MPI_IN_PLACE, s.data, n, s.type, op, comm), "MPI_Allreduce");
    }
  }

  // gather(comm, send, recv|null, root): recv is read at the root only.
  void Gather(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    MPI_Comm comm = comm_arg(info, "gather");
    Buf s = buffer_arg(info, 1, "gather");
    int root = int_arg(info, 3, "gather");
    int n = count_of(env, s.length, "gather");
    void* rdata = nullptr;
    if (has_arg(info, 2)) rdata = buffer_arg(info, 2, "gather").data;
    check(env, MPI_Gather(s.data, n, s.type, rdata, n, s.type, root, comm), "MPI_Gather");
  }

  // allgather(comm, send, recv)
  void Allgather(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    MPI_Comm comm = comm_arg(info, "allgather");
    Buf s = buffer_arg(info, 1, "allgather");
    Buf r = buffer_arg(info, 2, "allgather");
    int n = count_of(env, s.length, "allgather");
    check(env, MPI_Allgather(s.data, n, s.type, r.data, n, s.type, comm), "MPI_Allgather");
  }

  // scatter(comm, send|null, recv, root): send is read at the root only.
  void Scatter(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    MPI_Comm comm = comm_arg(info, "scatter");
    Buf r = buffer_arg(info, 2, "scatter");
    int root = int_arg(info, 3, "scatter");
    int n = count_of(env, r.length, "scatter");
    void* sdata = nullptr;
    if (has_arg(info, 1)) sdata = buffer_arg(info, 1, "scatter").data;
    check(env, MPI_Scatter(sdata, n, r.type, r.data, n, r.type, root, comm), "MPI_Scatter");
  }

  Napi::Value Wtime(const Napi::CallbackInfo& info) { return Napi::Number::New(info.Env(), MPI_Wtime()); }
  Napi::Value Wtick(const Napi::CallbackInfo& info) { return Napi::Number::New(info.Env(), MPI_Wtick()); }

  // abort(comm, code): ends every rank of the job.
  void Abort(const Napi::CallbackInfo& info) { MPI_Abort(comm_arg(info, "abort"), int_arg(info, 1, "abort")); }
};

}  // namespace

NODE_API_ADDON(Mpi)
