package dev.sluice.processor.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The types a pipeline's shapes are made of (the runtime's {@code Pair}, {@code StreamSource},
 * {@code StreamSink}, {@code Batch}, {@code Time}, the JDK's {@code Iterable} and {@code List}),
 * with the type questions validation asks about them.
 *
 * <pre>{@code
 * RuntimeTypes runtime = RuntimeTypes.load(elements, types).orElseThrow();
 * Optional<DeclaredType> pair = runtime.asPair(elementType);
 * }</pre>
 */
public final class RuntimeTypes {

    public static final String PAIR = "dev.sluice.runtime.Pair";
    public static final String BATCH = "dev.sluice.runtime.Batch";
    public static final String TIME = "dev.sluice.runtime.Time";
    public static final String DSTREAM = "dev.sluice.runtime.DStream";
    public static final String PAIR_DSTREAM = "dev.sluice.runtime.PairDStream";
    public static final String STREAM_SOURCE = "dev.sluice.runtime.source.StreamSource";
    public static final String STREAM_SINK = "dev.sluice.runtime.sink.StreamSink";
    public static final String PAIR_BATCH = "dev.sluice.runtime.PairBatch";
    public static final String STATE = "dev.sluice.runtime.state.State";
    public static final String STATE_SPEC = "dev.sluice.runtime.state.StateSpec";
    public static final String MAP_WITH_STATE_DSTREAM = "dev.sluice.runtime.MapWithStateDStream";

    private final Elements elements;
    private final Types types;
    private final TypeElement pair;
    private final TypeElement batch;
    private final TypeElement time;
    private final TypeElement dStream;
    private final TypeElement pairDStream;
    private final TypeElement streamSource;
    private final TypeElement streamSink;
    private final TypeElement iterable;
    private final TypeElement collection;
    private final TypeElement list;
    private final TypeElement longType;
    private final TypeElement optional;
    private final TypeElement map;
    private final TypeElement iterator;
    // Null on a runtime without the state and keyed-batch operators: their shapes then never match.
    private final TypeElement pairBatch;
    private final TypeElement state;
    // Looking through the stream types' members is costly; the answer is the same for every stage.
    private final Map<Operator, Boolean> operators = new EnumMap<>(Operator.class);

    private RuntimeTypes(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        this.pair = elements.getTypeElement(PAIR);
        this.batch = elements.getTypeElement(BATCH);
        this.time = elements.getTypeElement(TIME);
        this.dStream = elements.getTypeElement(DSTREAM);
        this.pairDStream = elements.getTypeElement(PAIR_DSTREAM);
        this.streamSource = elements.getTypeElement(STREAM_SOURCE);
        this.streamSink = elements.getTypeElement(STREAM_SINK);
        this.iterable = elements.getTypeElement(Iterable.class.getCanonicalName());
        this.collection = elements.getTypeElement("java.util.Collection");
        this.list = elements.getTypeElement("java.util.List");
        this.longType = elements.getTypeElement(Long.class.getCanonicalName());
        this.optional = elements.getTypeElement("java.util.Optional");
        this.map = elements.getTypeElement("java.util.Map");
        this.iterator = elements.getTypeElement("java.util.Iterator");
        this.pairBatch = elements.getTypeElement(PAIR_BATCH);
        this.state = elements.getTypeElement(STATE);
    }

    /** The runtime's types, or empty if the runtime is not on the classpath being compiled. */
    public static Optional<RuntimeTypes> load(Elements elements, Types types) {
        RuntimeTypes runtime = new RuntimeTypes(elements, types);
        boolean complete = runtime.pair != null && runtime.batch != null && runtime.time != null
                && runtime.dStream != null && runtime.pairDStream != null
                && runtime.streamSource != null && runtime.streamSink != null;
        return complete ? Optional.of(runtime) : Optional.empty();
    }

    /**
     * Whether the runtime has {@code operator}; a runtime older than the processor may lack one.
     * Every operator is a method of the keyed stream (which has every method of a stream too),
     * but for stateSnapshots, a method of the mapWithState stream; both state operators also
     * need the state types the wiring names.
     */
    public boolean hasOperator(Operator operator) {
        return operators.computeIfAbsent(operator, this::findOperator);
    }

    private boolean findOperator(Operator operator) {
        boolean stateful = operator == Operator.MAP_WITH_STATE || operator == Operator.STATE_SNAPSHOTS;
        if (stateful && !hasState()) {
            return false;
        }
        TypeElement owner = operator == Operator.STATE_SNAPSHOTS
                ? elements.getTypeElement(MAP_WITH_STATE_DSTREAM) : pairDStream;
        return ElementFilter.methodsIn(elements.getAllMembers(owner)).stream()
                .anyMatch(method -> method.getSimpleName().contentEquals(operator.methodName()));
    }

    private boolean hasState() {
        return state != null && elements.getTypeElement(STATE_SPEC) != null
                && elements.getTypeElement(MAP_WITH_STATE_DSTREAM) != null;
    }

    public Types types() {
        return types;
    }

    /** The type itself if it is a reference type, else its box: records are objects. */
    public TypeMirror boxed(TypeMirror type) {
        return type.getKind().isPrimitive()
                ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType()
                : type;
    }

    public boolean isVoid(TypeMirror type) {
        return type.getKind() == TypeKind.VOID;
    }

    public boolean isBoolean(TypeMirror type) {
        return type.getKind() == TypeKind.BOOLEAN
                || isDeclaredAs(type, Boolean.class.getCanonicalName());
    }

    /** {@code type} as {@code Pair<K, V>}, if it is one. */
    public Optional<DeclaredType> asPair(TypeMirror type) {
        return supertype(type, pair);
    }

    public Optional<DeclaredType> asIterable(TypeMirror type) {
        return supertype(type, iterable);
    }

    public boolean isCollection(TypeMirror type) {
        return supertype(type, collection).isPresent();
    }

    public Optional<DeclaredType> asOptional(TypeMirror type) {
        return supertype(type, optional);
    }

    public Optional<DeclaredType> asBatch(TypeMirror type) {
        return supertype(type, batch);
    }

    public Optional<DeclaredType> asPairBatch(TypeMirror type) {
        return pairBatch == null ? Optional.empty() : supertype(type, pairBatch);
    }

    public Optional<DeclaredType> asIterator(TypeMirror type) {
        return supertype(type, iterator);
    }

    public Optional<DeclaredType> asState(TypeMirror type) {
        return state == null ? Optional.empty() : supertype(type, state);
    }

    public Optional<DeclaredType> asStreamSource(TypeMirror type) {
        return supertype(type, streamSource);
    }

    public Optional<DeclaredType> asStreamSink(TypeMirror type) {
        return supertype(type, streamSink);
    }

    public TypeMirror time() {
        return time.asType();
    }

    public TypeMirror longType() {
        return longType.asType();
    }

    public DeclaredType pairOf(TypeMirror key, TypeMirror value) {
        return types.getDeclaredType(pair, key, value);
    }

    public DeclaredType listOf(TypeMirror element) {
        return types.getDeclaredType(list, element);
    }

    public DeclaredType optionalOf(TypeMirror element) {
        return types.getDeclaredType(optional, element);
    }

    public DeclaredType iteratorOf(TypeMirror element) {
        return types.getDeclaredType(iterator, element);
    }

    public DeclaredType mapOf(TypeMirror key, TypeMirror value) {
        return types.getDeclaredType(map, key, value);
    }

    /** {@code State<S>}; only on a runtime that has state. */
    public DeclaredType stateOf(TypeMirror element) {
        return types.getDeclaredType(state, element);
    }

    /** The key type of keyed records {@code Pair<K, V>}. */
    public TypeMirror keyOf(TypeMirror record) {
        return asPair(record).orElseThrow().getTypeArguments().get(0);
    }

    /** The value type of keyed records {@code Pair<K, V>}. */
    public TypeMirror valueOf(TypeMirror record) {
        return asPair(record).orElseThrow().getTypeArguments().get(1);
    }

    public DeclaredType batchOf(TypeMirror element) {
        return types.getDeclaredType(batch, element);
    }

    public DeclaredType streamSinkOf(TypeMirror element) {
        return types.getDeclaredType(streamSink, element);
    }

    public DeclaredType dStreamOf(TypeMirror element) {
        return types.getDeclaredType(dStream, element);
    }

    /** The stream type the wiring uses for records of {@code element}: keyed or not. */
    public DeclaredType streamTypeOf(TypeMirror element) {
        return asPair(element)
                .map(keyed -> types.getDeclaredType(pairDStream,
                        keyed.getTypeArguments().get(0), keyed.getTypeArguments().get(1)))
                .orElseGet(() -> dStreamOf(element));
    }

    /** Assignment conversion, boxing and unboxing included: may a {@code from} go into a {@code to}? */
    public boolean isAssignable(TypeMirror from, TypeMirror to) {
        return types.isAssignable(from, to);
    }

    public boolean isSameType(TypeMirror a, TypeMirror b) {
        return types.isSameType(a, b);
    }

    /** Whether {@code type} has no type arguments where its class declares type parameters. */
    public static boolean isRaw(DeclaredType type) {
        return type.getTypeArguments().isEmpty()
                && !((TypeElement) type.asElement()).getTypeParameters().isEmpty();
    }

    public static boolean hasWildcard(DeclaredType type) {
        return type.getTypeArguments().stream().anyMatch(argument -> argument.getKind() == TypeKind.WILDCARD);
    }

    /** Whether {@code type}, or any type inside it, could not be resolved. */
    public static boolean containsError(TypeMirror type) {
        switch (type.getKind()) {
            case ERROR:
                return true;
            case ARRAY:
                return containsError(((ArrayType) type).getComponentType());
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                return (wildcard.getExtendsBound() != null && containsError(wildcard.getExtendsBound()))
                        || (wildcard.getSuperBound() != null && containsError(wildcard.getSuperBound()));
            case DECLARED:
                return ((DeclaredType) type).getTypeArguments().stream().anyMatch(RuntimeTypes::containsError);
            default:
                return false;
        }
    }

    private boolean isDeclaredAs(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    // Walks the supertypes, so that List<String> is found to be an Iterable<String>.
    private Optional<DeclaredType> supertype(TypeMirror type, TypeElement target) {
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        DeclaredType declared = (DeclaredType) type;
        if (declared.asElement().equals(target)) {
            return Optional.of(declared);
        }
        for (TypeMirror supertype : types.directSupertypes(type)) {
            Optional<DeclaredType> found = supertype(supertype, target);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
