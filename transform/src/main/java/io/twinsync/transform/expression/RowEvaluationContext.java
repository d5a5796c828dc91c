package io.twinsync.transform.expression;

import java.util.List;
import java.util.function.Function;
import org.springframework.expression.BeanResolver;
import org.springframework.expression.ConstructorResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.IndexAccessor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.OperatorOverloader;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypeComparator;
import org.springframework.expression.TypeConverter;
import org.springframework.expression.TypeLocator;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.SpelEvaluationException;
import org.springframework.expression.spel.SpelMessage;

/**
 * The sandbox context for one row: everything from the shared, locked-down context, with the row's columns as
 * variables. A new one per row is cheaper than copying the row into a variable map.
 */
final class RowEvaluationContext implements EvaluationContext {

    private final EvaluationContext sandbox;
    private final Function<String, Object> values;

    RowEvaluationContext(EvaluationContext sandbox, Function<String, Object> values) {
        this.sandbox = sandbox;
        this.values = values;
    }

    @Override
    public Object lookupVariable(String name) {
        return values.apply(name);
    }

    @Override
    public void setVariable(String name, Object value) {
        throw new SpelEvaluationException(SpelMessage.NOT_ASSIGNABLE, "#" + name);
    }

    @Override
    public TypedValue getRootObject() {
        return TypedValue.NULL;
    }

    @Override
    public List<PropertyAccessor> getPropertyAccessors() {
        return sandbox.getPropertyAccessors();
    }

    @Override
    public List<IndexAccessor> getIndexAccessors() {
        return sandbox.getIndexAccessors();
    }

    @Override
    public List<ConstructorResolver> getConstructorResolvers() {
        return sandbox.getConstructorResolvers();
    }

    @Override
    public List<MethodResolver> getMethodResolvers() {
        return sandbox.getMethodResolvers();
    }

    @Override
    public BeanResolver getBeanResolver() {
        return sandbox.getBeanResolver();
    }

    @Override
    public TypeLocator getTypeLocator() {
        return sandbox.getTypeLocator();
    }

    @Override
    public TypeConverter getTypeConverter() {
        return sandbox.getTypeConverter();
    }

    @Override
    public TypeComparator getTypeComparator() {
        return sandbox.getTypeComparator();
    }

    @Override
    public OperatorOverloader getOperatorOverloader() {
        return sandbox.getOperatorOverloader();
    }

    @Override
    public boolean isAssignmentEnabled() {
        return false;
    }
}
