// `import 'lambda-cost-widget/define'`: defines the element with the default calculator.
import { defineLambdaCostCalculator } from './index'

defineLambdaCostCalculator()
